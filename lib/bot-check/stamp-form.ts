import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { botCheckSecret } from "./secret";

/**
 * The time stamp written into the composer's form for a browser without JavaScript (where no proof of work can
 * run): when the form was shown, and a random part, signed. check-form-submission.ts refuses a Send that comes
 * sooner than a person could have filled the form in, or long after.
 */
export function stampForm(now = new Date()): string {
  const body = `${now.getTime().toString(36)}.${randomBytes(9).toString("base64url")}`;
  return `${body}.${signStamp(body)}`;
}

export function signStamp(body: string): string {
  return createHmac("sha256", botCheckSecret("form")).update(body).digest("base64url");
}
