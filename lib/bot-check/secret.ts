import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

const RANDOM_KEY = Symbol.for("urgent-letters.bot-check-secret");

/**
 * The secret that signs bot checks (challenges and form stamps): BOT_CHECK_SECRET, else one derived from
 * IP_HASH_SALT (so a deployment that set the salt on every instance needs nothing more), else a random one made at
 * this start (lib/boot.ts warns: a restart then refuses what was handed out before, once, and instances do not
 * accept each other's).
 */
export function botCheckSecret(purpose: "challenge" | "key" | "form"): string {
  const settings = env();
  const g = globalThis as typeof globalThis & { [RANDOM_KEY]?: string };
  const root = settings.BOT_CHECK_SECRET ?? (settings.IP_HASH_SALT ? `salt:${settings.IP_HASH_SALT}` : (g[RANDOM_KEY] ??= randomBytes(32).toString("hex")));
  // One key per use, so that a signature made for one thing can never pass as another.
  return createHmac("sha256", root).update(`urgent-letters bot check: ${purpose}`).digest("hex");
}

/** Whether the secret is only this process's own (the warning at start). */
export function botCheckSecretIsRandom(): boolean {
  const settings = env();
  return !settings.BOT_CHECK_SECRET && !settings.IP_HASH_SALT;
}
