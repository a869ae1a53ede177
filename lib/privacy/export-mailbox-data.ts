import "server-only";
/**
 * Everything stored about a mailbox, for the supporter who opened its data link (/privacy/my-data/[token]): their
 * actions with the letters' texts and consents, their data-link requests, the emails waiting for them in the
 * outbox and the captured copies of mails to them and of their letters. Shown on the page and downloaded as JSON.
 * Tokens are never part of it: the outbox's confirmation makings are shown without theirs, and captured copies as
 * their text with the links' tokens removed (a downloaded file may be passed on; a live token in it would let its
 * reader send letters in the supporter's name or delete their data).
 */
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { actions, campaigns, capturedMail, letters, outbox, partnerConsents, partners, privacyRequests, recipients } from "@/lib/db/schema";
import { simpleParser } from "mailparser";
import { actionsOfMailbox, capturedOfMailbox, outboxOfMailbox } from "./mailbox-rows";
import { mailboxKey, mailboxOf } from "./mailbox";

export type TMailboxExport = Awaited<ReturnType<typeof exportMailboxData>>;

export async function exportMailboxData(db: TDb, email: string, now: Date) {
  const mailbox = mailboxOf(email);
  const key = mailboxKey(email);
  const actionRows = await db
    .select({
      id: actions.id,
      campaign: actions.campaignSlug,
      campaignSubject: campaigns.subject,
      status: actions.status,
      name: actions.supporterName,
      email: actions.supporterEmail,
      city: actions.city,
      country: actions.country,
      postalAddress: actions.postalAddress,
      personalNote: actions.personalNote,
      signAs: actions.signAs,
      language: actions.language,
      delivery: actions.delivery,
      consent: actions.consent,
      partner: actions.partner,
      createdAt: actions.createdAt,
      confirmedAt: actions.confirmedAt,
      // The IP hash is personal data too: the supporter is told it exists (not its value, which says nothing to them
      // and, being salted, nothing to anyone else either).
      ipHashStored: sql<boolean>`${actions.ipHash} is not null`,
    })
    .from(actions)
    .innerJoin(campaigns, eq(campaigns.slug, actions.campaignSlug))
    .where(actionsOfMailbox(mailbox))
    .orderBy(asc(actions.createdAt), asc(actions.id));
  const ids = actionRows.map((a) => a.id);
  const letterRows = ids.length
    ? await db
        .select({
          id: letters.id,
          actionId: letters.actionId,
          recipientId: letters.recipientId,
          recipientName: recipients.name,
          language: letters.language,
          channel: letters.channel,
          status: letters.status,
          subject: letters.subject,
          text: letters.body,
          createdAt: letters.createdAt,
          sentAt: letters.sentAt,
          attempts: letters.attempts,
        })
        .from(letters)
        .leftJoin(recipients, eq(recipients.id, letters.recipientId))
        .where(inArray(letters.actionId, ids))
        .orderBy(asc(letters.createdAt), asc(letters.id))
    : [];
  // "<partner> may contact me": to whom, with the words the supporter saw and when.
  const partnerRows = ids.length
    ? await db
        .select({ actionId: partnerConsents.actionId, partner: partnerConsents.partnerCode, partnerName: partners.name, wording: partnerConsents.wording, language: partnerConsents.language, givenAt: partnerConsents.givenAt })
        .from(partnerConsents)
        .leftJoin(partners, eq(partners.code, partnerConsents.partnerCode))
        .where(inArray(partnerConsents.actionId, ids))
        .orderBy(asc(partnerConsents.givenAt))
    : [];
  const requests = await db
    .select({ createdAt: privacyRequests.createdAt, expiresAt: privacyRequests.expiresAt, language: privacyRequests.language })
    .from(privacyRequests)
    .where(eq(privacyRequests.emailKey, key))
    .orderBy(asc(privacyRequests.createdAt));
  const outboxRows = await db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      // A ready message is shown whole; makings without their token (it is a live link's, and not theirs to keep).
      message: sql<Record<string, unknown>>`${outbox.message} - 'token'`,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(outboxOfMailbox(mailbox, key))
    .orderBy(asc(outbox.createdAt));
  const captured = await db
    .select({ id: capturedMail.id, kind: capturedMail.kind, to: capturedMail.to, from: capturedMail.from, subject: capturedMail.subject, createdAt: capturedMail.createdAt, raw: capturedMail.raw })
    .from(capturedMail)
    .where(capturedOfMailbox(mailbox, { digests: false }))
    .orderBy(asc(capturedMail.createdAt));

  return {
    mailbox,
    exportedAt: now.toISOString(),
    actions: actionRows.map((a) => ({
      ...a,
      letters: letterRows.filter((l) => l.actionId === a.id).map(({ actionId: _actionId, ...l }) => l),
    })),
    consents: actionRows.map((a) => ({ actionId: a.id, campaign: a.campaign, updates: a.consent.updates === true, givenAt: a.createdAt })),
    partnerConsents: partnerRows,
    dataRequests: requests,
    outbox: outboxRows,
    capturedMail: await Promise.all(captured.map(readableCopy)),
  };
}

/** Links that carry a live token: a confirmation and a data link. */
const TOKEN_LINK = /(\/confirm\/|\/privacy\/my-data\/)[A-Za-z0-9_-]{20,}/g;

/** A captured message as its reader saw it (the text part), without the tokens of the links in it. */
async function readableCopy(row: { id: string; kind: string; to: string; from: string; subject: string; createdAt: Date; raw: string }) {
  const { raw, ...rest } = row;
  const parsed = await simpleParser(raw);
  return { ...rest, text: (parsed.text ?? "").replace(TOKEN_LINK, "$1…") };
}
