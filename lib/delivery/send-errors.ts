/**
 * What an SMTP failure means for a letter. 4xx replies and network trouble are temporary (try again later); 5xx
 * replies are permanent (do not retry; the address may be wrong). A refusal by the relay itself (authentication,
 * policy, relay access denied: enhanced codes 5.7.x, 530/535) is neither: it is not the official's fault, so it
 * fails no letter and flags no address; it pauses all sending until an owner resumes (lib/delivery/relay-pause.ts).
 * A plain 5xx that turns out to be the same for several officials in a row is recognised later (note-refusal.ts).
 */
import "server-only";

export type TSendFailure = {
  /** relay: the relay refuses all mail; sending pauses and the letter goes back to the queue untouched. */
  kind: "temporary" | "permanent" | "relay";
  /** The relay or the network is down: stop this pass rather than fail every letter in turn. */
  stopPass: boolean;
  /** For letters.last_error. */
  message: string;
  /** The relay's own reply ("550 5.7.1 Relay access denied"), or the error text when there was none. */
  reply: string;
};

/** Failures of our own set-up that no retry fixes but a change of settings does. */
const OUR_SETUP = new Set(["ETLS", "EOAUTH2", "ECONFIG"]);
/** The relay refused our login: every message would get the same. */
const AUTH = new Set(["EAUTH", "ENOAUTH"]);
/** 530: authentication required; 535: authentication failed; 534: a stronger mechanism is required. */
const RELAY_CODES = new Set([530, 534, 535]);
const RELAY_TEXT =
  /relay(ing)?\s+(access\s+)?(is\s+)?(denied|not\s+permitted|prohibited|not\s+allowed)|unable\s+to\s+relay|not\s+permitted\s+to\s+relay|authentication\s+(is\s+)?required|must\s+(first\s+)?authenticate|not\s+authenticated|sender\s+address\s+rejected|client\s+host\s+rejected/i;

function field(error: unknown, name: string): unknown {
  return typeof error === "object" && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/** The enhanced status code (RFC 3463) in a reply: "5.7.1" in "554 5.7.1 <x@y>: Relay access denied". */
export function enhancedStatus(reply: string): string | undefined {
  return /(?:^|\s)([245]\.\d{1,3}\.\d{1,3})(?=\s|$|[:;,])/.exec(reply)?.[1];
}

/** A reply that says the relay refuses us, whoever the letter is for. */
export function isRelayRefusal(responseCode: number, reply: string): boolean {
  if (responseCode < 500 || responseCode >= 600) return false;
  return RELAY_CODES.has(responseCode) || enhancedStatus(reply)?.startsWith("5.7.") === true || RELAY_TEXT.test(reply);
}

export function classifySendError(error: unknown): TSendFailure {
  const responseCode = Number(field(error, "responseCode"));
  const code = typeof field(error, "code") === "string" ? (field(error, "code") as string) : undefined;
  const text = error instanceof Error ? error.message : String(error);
  const response = field(error, "response");
  const reply = (typeof response === "string" && response.trim() ? response.trim() : text).slice(0, 500);
  const message = `${Number.isFinite(responseCode) && responseCode > 0 ? responseCode : (code ?? "error")}: ${text}`.slice(0, 500);
  if ((code && AUTH.has(code)) || isRelayRefusal(responseCode, reply)) {
    return { kind: "relay", stopPass: true, message, reply };
  }
  if (responseCode >= 500 && responseCode < 600 && !(code && OUR_SETUP.has(code))) {
    return { kind: "permanent", stopPass: false, message, reply };
  }
  if (responseCode >= 400 && responseCode < 500) {
    // 421 is "service not available": the relay is going away, so the next letters would get the same answer.
    return { kind: "temporary", stopPass: responseCode === 421, message, reply };
  }
  return { kind: "temporary", stopPass: true, message, reply };
}
