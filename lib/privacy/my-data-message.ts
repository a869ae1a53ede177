/**
 * The email with a supporter's data link, composed by the worker when it sends it from the outbox (the request only
 * queues its makings: lib/mail/types.ts). Not sent once the link has expired or the data was deleted meanwhile.
 */
import "server-only";
import { and, eq, gt } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { privacyRequests } from "@/lib/db/schema";
import { env, publicUrl } from "@/lib/env";
import { buildMyDataEmail } from "@/lib/mail/my-data-email";
import type { TMailMessage, TMyDataLinkRequest } from "@/lib/mail/types";
import { hashToken, newToken } from "@/lib/actions/tokens";

export async function composeMyDataLink(db: TDb, request: TMyDataLinkRequest, now: Date): Promise<TMailMessage | undefined> {
  const [row] = await db
    .select({ email: privacyRequests.email })
    .from(privacyRequests)
    .where(and(eq(privacyRequests.id, request.privacyRequestId), gt(privacyRequests.expiresAt, now)));
  if (!row) return undefined;
  // The link's token is made now, when the email is, and only its hash is stored: the outbox held none (a request
  // queued before this change carries its own, used as it is).
  let token = request.token;
  if (!token) {
    token = newToken();
    const updated = await db
      .update(privacyRequests)
      .set({ tokenHash: hashToken(token) })
      .where(and(eq(privacyRequests.id, request.privacyRequestId), gt(privacyRequests.expiresAt, now)))
      .returning({ id: privacyRequests.id });
    if (updated.length === 0) return undefined;
  }
  const settings = env();
  const email = buildMyDataEmail({
    language: request.language,
    organisation: settings.ORGANISATION_NAME,
    linkUrl: `${publicUrl()}/privacy/my-data/${token}`,
  });
  return {
    from: { name: settings.ORGANISATION_NAME, address: settings.MAIL_FROM },
    // No name: the request gives only the address.
    to: { name: "", address: row.email },
    subject: email.subject,
    text: email.text,
    html: email.html,
  };
}
