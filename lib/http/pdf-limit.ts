import "server-only";
import { hashIp } from "@/lib/actions/tokens";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { takeAllowance } from "@/lib/limits/take-allowance";
import { clientAddress } from "./client-address";

/**
 * Laying out a PDF takes tens of milliseconds of CPU per letter, and the preview is open to anyone: each address
 * may ask for a bounded number of letters' worth a minute (RATE_LIMIT_PDF_PER_MINUTE; a seven-letter preview counts
 * seven), so that nobody can keep the server busy for everyone else. Counted in the database
 * (lib/limits/take-allowance.ts), so every instance shares the count.
 */
export async function takePdfAllowanceFor(request: Request, weight = 1): Promise<void> {
  const settings = env();
  const ipHash = hashIp(clientAddress(request.headers, settings.TRUSTED_PROXIES), settings.IP_HASH_SALT);
  const wait = await takeAllowance(await db(), { key: `pdf:${ipHash}`, points: weight, perMinute: settings.RATE_LIMIT_PDF_PER_MINUTE, now: new Date() });
  if (wait !== undefined) {
    throw new AppError("TOO_MANY_REQUESTS", `Too many PDFs were made from here in the last minute. Please try again in ${wait} s.`, [], { retryAfter: wait });
  }
}
