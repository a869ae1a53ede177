import "server-only";
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { botCheckRefused } from "./bot-check-refused";
import { signStamp } from "./stamp-form";
import type { TSpendableProof } from "./verify-bot-proof";

/** How long a form shown without JavaScript may stay open before its Send is asked again (a tab left overnight). */
export const FORM_STAMP_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * The bot check of the form sent without JavaScript: the trap field (hidden from people, see the composer) is
 * empty, and the form's stamp (stamp-form.ts) is this site's and neither too fresh nor too old. Answers what to
 * record so the same stamp cannot send twice; throws a refusal at `botCheck` otherwise.
 */
export function checkFormSubmission(form: { stamp: unknown; trap: unknown }, now = new Date()): TSpendableProof {
  // A person never sees the trap; a program that fills in every field fills it.
  if (typeof form.trap === "string" && form.trap !== "") throw botCheckRefused("botCheck.trap", "a field that people leave empty was filled in");
  const issuedAt = readStamp(form.stamp);
  if (issuedAt === undefined) throw botCheckRefused("botCheck.formExpired", "the form's stamp is missing or not this site's");
  const age = now.getTime() - issuedAt;
  if (age > FORM_STAMP_MAX_AGE_MS) throw botCheckRefused("botCheck.formExpired", "the form was shown too long ago");
  if (age < env().BOT_CHECK_MIN_FORM_SECONDS * 1000) throw botCheckRefused("botCheck.tooFast", "the form was sent sooner than a person fills it in");
  return { key: `form:${String(form.stamp)}`, expiresAt: new Date(issuedAt + FORM_STAMP_MAX_AGE_MS) };
}

/** The time a stamp was made, when it is a well-formed stamp signed here; undefined otherwise. */
export function readStamp(stamp: unknown): number | undefined {
  if (typeof stamp !== "string" || stamp.length > 100) return undefined;
  const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{12})\.([A-Za-z0-9_-]{43})$/.exec(stamp);
  if (!match) return undefined;
  const expected = Buffer.from(signStamp(`${match[1]}.${match[2]}`));
  const given = Buffer.from(match[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  return parseInt(match[1]!, 36);
}
