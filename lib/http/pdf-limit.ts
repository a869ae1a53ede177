import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { hashIp } from "@/lib/actions/tokens";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { clientAddress } from "./client-address";

/**
 * Laying out a PDF takes tens of milliseconds of CPU (a long document, more), and the preview is open to anyone:
 * each address may ask for a bounded number a minute (RATE_LIMIT_PDF_PER_MINUTE), so that nobody can keep the
 * server busy for everyone else. Counted in this process's memory: it protects this process.
 */
const KEY = Symbol.for("urgent-letters.pdf-limiter");
type TGlobal = typeof globalThis & { [KEY]?: { points: number; limiter: RateLimiterMemory } };

export async function takePdfAllowance(ipHash: string, perMinute: number): Promise<void> {
  const g = globalThis as TGlobal;
  if (g[KEY]?.points !== perMinute) g[KEY] = { points: perMinute, limiter: new RateLimiterMemory({ points: perMinute, duration: 60 }) };
  try {
    await g[KEY].limiter.consume(ipHash);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw new AppError("TOO_MANY_REQUESTS", `Too many PDFs were made from here in the last minute. Please try again in ${Math.ceil(error.msBeforeNext / 1000)} s.`);
  }
}

/** The allowance of the address a request comes from, under the settings (TRUSTED_PROXIES, RATE_LIMIT_PDF_PER_MINUTE). */
export function takePdfAllowanceFor(request: Request): Promise<void> {
  const settings = env();
  return takePdfAllowance(hashIp(clientAddress(request.headers, settings.TRUSTED_PROXIES), settings.IP_HASH_SALT), settings.RATE_LIMIT_PDF_PER_MINUTE);
}
