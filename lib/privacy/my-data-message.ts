/**
 * The email with a supporter's data link, composed by the worker when it sends it from the outbox (the request only
 * queues its makings: lib/mail/types.ts). Not sent once the link has expired or the data was deleted meanwhile.
 */
import { and, eq, gt } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { privacyRequests } from "@/lib/db/schema";
import { env, publicUrl } from "@/lib/env";
import { buildMyDataEmail } from "@/lib/mail/my-data-email";
import type { TMailMessage, TMyDataLinkRequest } from "@/lib/mail/types";

export async function composeMyDataLink(db: TDb, request: TMyDataLinkRequest, now: Date): Promise<TMailMessage | undefined> {
  const [row] = await db
    .select({ email: privacyRequests.email })
    .from(privacyRequests)
    .where(and(eq(privacyRequests.id, request.privacyRequestId), gt(privacyRequests.expiresAt, now)));
  if (!row) return undefined;
  const settings = env();
  const email = buildMyDataEmail({
    language: request.language,
    organisation: settings.ORGANISATION_NAME,
    linkUrl: `${publicUrl()}/privacy/my-data/${request.token}`,
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
