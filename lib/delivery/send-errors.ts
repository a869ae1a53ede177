/**
 * What an SMTP failure means for a letter. 4xx replies and network trouble are temporary (try again later); 5xx
 * replies are permanent (do not retry; the address may be wrong). Failures of our own set-up (authentication, TLS)
 * are treated as temporary even when the code is 5xx: they are not the official's fault and fixing the settings
 * should deliver the queue.
 */
import "server-only";

export type TSendFailure = {
  kind: "temporary" | "permanent";
  /** The relay or the network is down: stop this pass rather than fail every letter in turn. */
  stopPass: boolean;
  /** For letters.last_error. */
  message: string;
};

const OUR_SETUP = new Set(["EAUTH", "ENOAUTH", "ETLS", "EOAUTH2", "ECONFIG"]);

function field(error: unknown, name: string): unknown {
  return typeof error === "object" && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

export function classifySendError(error: unknown): TSendFailure {
  const responseCode = Number(field(error, "responseCode"));
  const code = typeof field(error, "code") === "string" ? (field(error, "code") as string) : undefined;
  const text = error instanceof Error ? error.message : String(error);
  const message = `${Number.isFinite(responseCode) && responseCode > 0 ? responseCode : (code ?? "error")}: ${text}`.slice(0, 500);
  if (responseCode >= 500 && responseCode < 600 && !(code && OUR_SETUP.has(code))) {
    return { kind: "permanent", stopPass: false, message };
  }
  if (responseCode >= 400 && responseCode < 500) {
    // 421 is "service not available": the relay is going away, so the next letters would get the same answer.
    return { kind: "temporary", stopPass: responseCode === 421, message };
  }
  return { kind: "temporary", stopPass: true, message };
}
