/**
 * Records what came back for a letter or a digest (lib/bounces/parse-bounce.ts): a hard bounce marks its letters
 * `bounced` and counts once against the official (three in a row flag the address suspect, as 5xx replies do); a
 * soft one (delay, out-of-office) is a note in the letters' attempts and the letters stay sent. Found by the id in
 * the return path (VERP), or else by the Message-ID the report quotes. A hard bounce recorded twice counts once.
 */
import "server-only";
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { letterAttempts, letters, recipients } from "@/lib/db/schema";
import { recordHardFailure, SUSPECT_AFTER_HARD_FAILURES } from "@/lib/delivery/letter-outcomes";
import type { TBounceReport } from "./parse-bounce";
import { emitLetterBounced } from "@/lib/webhooks/emit-event";

export type TBounceOutcome = {
  /** What the report was read as. */
  kind: TBounceReport["kind"];
  /** Letters the report is about. */
  letterIds: string[];
  /** Of those, letters this call marked bounced. */
  bounced: number;
  /** How they were found. */
  matchedBy: "return-path" | "message-id" | "none";
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The letter or digest id in one of our Message-IDs (<letter-<id>@domain>, <digest-<id>@domain>). */
function idFromMessageId(messageId: string | undefined): string | undefined {
  const m = /^<(letter|digest)-([0-9a-f-]{36})@/i.exec(messageId?.trim() ?? "");
  return m && UUID.test(m[2]!) ? m[2]!.toLowerCase() : undefined;
}

/** The letter with this id, or else the letters of the digest with this id. */
async function lettersOf(db: TDb, id: string) {
  const columns = { id: letters.id, status: letters.status, recipientId: letters.recipientId };
  const letter = await db.select(columns).from(letters).where(eq(letters.id, id));
  if (letter.length > 0) return letter;
  // Digest bounces are the rare case; letters.digest_id has no index of its own (worth adding when digests are many).
  return db.select(columns).from(letters).where(eq(letters.digestId, id));
}

/** Bounces that count towards the suspect flag are the ones of this many days. */
export const BOUNCE_WINDOW_DAYS = 30;

/**
 * The relay accepting a later letter ends a run of 5xx refusals (deliver.ts), but says nothing about a bounce that
 * comes minutes after: behind a smart host every bad address is only ever a bounce. So the bounced emails themselves
 * are counted too: three of them (distinct messages) in the window flag the address, whatever was accepted between.
 */
async function flagAfterBounces(db: TDb, recipientId: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - BOUNCE_WINDOW_DAYS * 86_400_000);
  const [row] = await db
    .select({ emails: sql<number>`count(distinct coalesce(${letters.messageId}, ${letters.id}::text))::int` })
    .from(letters)
    .where(and(eq(letters.recipientId, recipientId), eq(letters.status, "bounced"), gte(letters.sentAt, since)));
  if ((row?.emails ?? 0) < SUSPECT_AFTER_HARD_FAILURES) return;
  await db
    .update(recipients)
    .set({ emailSuspect: true, updatedAt: now })
    .where(and(eq(recipients.id, recipientId), eq(recipients.emailSuspect, false)));
}

export async function recordBounce(db: TDb, o: { verpId?: string; report: TBounceReport; now: Date }): Promise<TBounceOutcome> {
  const { report, now } = o;
  let matchedBy: TBounceOutcome["matchedBy"] = "none";
  let found: Awaited<ReturnType<typeof lettersOf>> = [];
  if (o.verpId) {
    found = await lettersOf(db, o.verpId);
    if (found.length > 0) matchedBy = "return-path";
  }
  const quoted = idFromMessageId(report.originalMessageId);
  if (found.length === 0 && quoted) {
    found = await lettersOf(db, quoted);
    if (found.length > 0) matchedBy = "message-id";
  }
  const letterIds = found.map((l) => l.id);
  if (found.length === 0 || report.kind === "other") return { kind: report.kind, letterIds, bounced: 0, matchedBy };

  if (report.kind === "hard") {
    const marked = await db
      .update(letters)
      .set({ status: "bounced", lastError: report.summary.slice(0, 500), updatedAt: now })
      .where(and(inArray(letters.id, letterIds), eq(letters.status, "sent")))
      .returning({ id: letters.id, recipientId: letters.recipientId });
    if (marked.length > 0) {
      await db.insert(letterAttempts).values(marked.map(({ id }) => ({ letterId: id, outcome: "bounced" as const, reply: report.summary, at: now })));
      // One email bounced once is one hard failure, however many letters it carried.
      for (const recipientId of new Set(marked.map((m) => m.recipientId))) {
        await recordHardFailure(db, recipientId, now);
        await flagAfterBounces(db, recipientId, now);
      }
      // Partners whose supporters wrote these letters hear of it (lib/webhooks: only letters of a partner's action).
      for (const { id } of marked) await emitLetterBounced(db, id, report.summary.slice(0, 500), now);
    }
    return { kind: report.kind, letterIds, bounced: marked.length, matchedBy };
  }
  // Soft: delayed, or an automatic reply (which means the letter arrived). The letter stays as it is, with a note.
  await db.insert(letterAttempts).values(letterIds.map((id) => ({ letterId: id, outcome: "soft-bounce" as const, reply: report.summary, at: now })));
  return { kind: report.kind, letterIds, bounced: 0, matchedBy };
}
