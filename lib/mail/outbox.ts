/**
 * The outbox: the organisation's own messages (confirmation links) are written with the action, in the same
 * statement, and sent by the worker. A submission therefore never waits for SMTP, never fails because SMTP is
 * briefly down, and no confirmation is lost: a temporary failure is retried with the letters' back-off.
 */
import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { outbox } from "@/lib/db/schema";
import { nextRetry } from "@/lib/delivery/backoff";
import { pauseRelay } from "@/lib/delivery/pause-relay";
import { classifySendError } from "@/lib/delivery/send-errors";
import type { TMailTransport } from "./transport";
import type { TConfirmationRequest, TMailMessage, TOutboxMessage } from "./types";

export type { TConfirmationRequest, TMailMessage, TOutboxMessage };

/** Composes a message the outbox holds only the makings of; undefined when there is nothing to send any more. */
export type TComposeOutboxMessage = (db: TDb, kind: string, message: Exclude<TOutboxMessage, TMailMessage>, now: Date) => Promise<TMailMessage | undefined>;

const LOCK_MS = 2 * 60_000;

type TRow = { id: string; kind: string; message: TOutboxMessage; attempts: number };

/** Sends what is due, at most `limit` messages; answers how many went out. Safe with several workers. */
export async function sendOutbox(options: {
  db: TDb;
  transport: TMailTransport;
  now: () => Date;
  limit?: number;
  /** Composes the messages held as their makings (a supporter's confirmation), when they are sent. */
  compose: TComposeOutboxMessage;
}): Promise<number> {
  const { db, transport } = options;
  const now = options.now();
  const claimed = (await db.execute(sql`
    update ${outbox} set locked_until = ${new Date(now.getTime() + LOCK_MS)}
    where id = any(array(
      select id from ${outbox}
      where next_attempt_at <= ${now} and (locked_until is null or locked_until < ${now})
      order by next_attempt_at limit ${options.limit ?? 50}
      for update skip locked))
    returning id, kind, message, attempts`)) as unknown as { rows: TRow[] };
  let sent = 0;
  for (const row of claimed.rows) {
    let mail: TMailMessage | undefined;
    try {
      mail = "subject" in row.message ? row.message : await options.compose(db, row.kind, row.message, now);
      if (!mail) {
        // Nothing to send any more: the action was confirmed, or expired and was deleted.
        await db.execute(sql`delete from ${outbox} where id = ${row.id}`);
        continue;
      }
      await transport.send(mail, row.kind);
      await db.execute(sql`delete from ${outbox} where id = ${row.id}`);
      sent += 1;
    } catch (error) {
      const failure = classifySendError(error);
      if (failure.kind === "relay") {
        // The relay refuses everything: not this supporter's fault. The message waits, sending pauses, and the rest
        // of the batch goes back untouched.
        const rest = claimed.rows.slice(claimed.rows.indexOf(row)).map((r) => r.id);
        await db.update(outbox).set({ lockedUntil: null, lastError: failure.reply }).where(inArray(outbox.id, rest));
        await pauseRelay(db, { reply: failure.reply, now: options.now() });
        break;
      }
      const code = (error as { responseCode?: number }).responseCode;
      const retry = code !== undefined && code >= 500 ? { retry: false as const } : nextRetry(row.attempts, options.now());
      const message = error instanceof Error ? error.message : String(error);
      if (retry.retry) {
        await db.execute(
          sql`update ${outbox} set attempts = attempts + 1, next_attempt_at = ${retry.at}, locked_until = null, last_error = ${message} where id = ${row.id}`,
        );
      } else {
        // A permanent refusal (a mistyped address): the supporter can simply send again from the form.
        console.error(`[outbox] ${row.kind} to ${mail?.to.address ?? "?"} refused: ${message}`);
        await db.execute(sql`delete from ${outbox} where id = ${row.id}`);
      }
    }
  }
  return sent;
}
