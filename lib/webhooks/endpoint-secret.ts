/**
 * Webhook signing secrets at rest. The app must read a secret back to sign with it, so it cannot keep a hash: it
 * keeps the secret encrypted with AES-256-GCM under a key derived (HKDF) from the app's secret (AUTH_SECRET, or the
 * one the app made in app_secrets, lib/auth/auth-secret.ts). With AUTH_SECRET set in the environment, a copy of the
 * database alone cannot sign webhooks; changing AUTH_SECRET makes existing endpoints' secrets unreadable (their
 * deliveries then fail with a message saying so, and the owner makes new endpoints).
 */
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/auth/auth-secret";
import type { TDb } from "@/lib/db/open";
import { env } from "@/lib/env";

/** A new Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

async function keyFor(db: TDb): Promise<Buffer> {
  const secret = await authSecret(db, env().AUTH_SECRET);
  return Buffer.from(hkdfSync("sha256", secret, "urgent-letters", "webhook endpoint secrets v1", 32));
}

export async function sealSecret(db: TDb, secret: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", await keyFor(db), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
}

export async function openSecret(db: TDb, stored: string): Promise<string> {
  const [version, iv, tag, sealed] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !sealed) throw new Error("the endpoint's secret is not in a known form");
  try {
    const decipher = createDecipheriv("aes-256-gcm", await keyFor(db), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("the endpoint's secret cannot be read with this app secret (was AUTH_SECRET changed?): make a new endpoint");
  }
}
