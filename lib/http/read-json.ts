import "server-only";
import { AppError } from "@/lib/errors/app-error";

export const JSON_BODY_LIMIT = 64 * 1024;

/**
 * Reads a JSON request body of at most `limit` bytes. A body that is not JSON, or too large, is refused with a
 * problem a person can act on; it never becomes a 500.
 */
export async function readJson(request: Request, limit = JSON_BODY_LIMIT): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new AppError("INVALID_INPUT", "The request body must be JSON (Content-Type: application/json).", [
      { path: "(body)", message: "expected Content-Type: application/json" },
    ]);
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  // Read the stream ourselves: Content-Length may be missing or wrong (chunked uploads).
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not valid JSON.", [{ path: "(body)", message: "not valid JSON" }]);
  }
}

function tooLarge(limit: number) {
  return new AppError("INVALID_INPUT", `The request body is larger than ${Math.round(limit / 1024)} KB.`, [
    { path: "(body)", message: `larger than ${limit} bytes` },
  ]);
}
