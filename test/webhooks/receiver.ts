/**
 * A webhook receiver for tests: a real HTTP server that verifies each request's Standard Webhooks signature with the
 * `standardwebhooks` package (the `verify` function is given, so a test can pass the one docs/partners.md shows),
 * keeps what it received, and answers the statuses it is told to, in turn (then 200).
 */
import http from "node:http";

export type TReceived = { id: string; type: string; payload: Record<string, unknown>; verified: boolean; error?: string; answered: number };
export type TVerify = (body: string, headers: Record<string, string>) => unknown;
export type TReceiver = { url: string; received: TReceived[]; answerWith(statuses: number[]): void; close(): Promise<void> };

export async function startReceiver(port: number, verify: TVerify): Promise<TReceiver> {
  const received: TReceived[] = [];
  let script: number[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : (v ?? "")]));
      let payload: Record<string, unknown> = {};
      let verified = false;
      let error: string | undefined;
      try {
        payload = verify(body, headers) as Record<string, unknown>;
        verified = true;
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      const status = verified ? (script.shift() ?? 200) : 400;
      received.push({ id: headers["webhook-id"] ?? "", type: String(payload.type ?? ""), payload, verified, error, answered: status });
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "not now");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answerWith(statuses) {
      script = [...statuses];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
