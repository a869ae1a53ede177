/**
 * The shared secret of POST /api/v1/inbound/bounces (INBOUND_SECRET), sent as `Authorization: Bearer <secret>` and
 * compared in constant time (both sides hashed first, so their lengths give nothing away). Unset: the endpoint does
 * not exist (404), so a site that never forwards bounces over HTTP offers nothing to guess at.
 */
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";

export function checkInboundSecret(headers: Headers, secret: string | undefined): void {
  if (!secret) throw new AppError("NOT_FOUND", "There is nothing at this address.");
  const given = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "")?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  if (!given || !timingSafeEqual(digest(given), digest(secret))) {
    throw new AppError("UNAUTHORIZED", "This needs the inbound secret: Authorization: Bearer <INBOUND_SECRET>.", [
      { path: "Authorization", code: "unauthorized", message: "missing or wrong bearer secret" },
    ]);
  }
}
