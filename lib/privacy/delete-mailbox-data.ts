import "server-only";
/**
 * The supporter presses "Delete my data" behind their data link: everything stored about the mailbox is removed or
 * anonymised in one transaction. Actions and letters are anonymised (lib/privacy/anonymise.ts) rather than deleted,
 * so letters already sent still count in the campaign's numbers without naming anyone; letters not yet sent are
 * cancelled. Outbox rows for the mailbox, captured copies of mails to it and of its letters (digests included),
 * and its data-link requests (which hold the address) are deleted. The link stops working.
 */
import { sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { anonymiseActions, anonymiseLetters } from "./anonymise";
import { actionsOfMailbox, capturedOfMailbox, outboxOfMailbox } from "./mailbox-rows";
import { mailboxKey, mailboxOf } from "./mailbox";

export type TDeleteResult = { actions: number; letters: number; outbox: number; capturedMail: number };

type TRows = { rows: { id: string }[] };
const count = (result: unknown) => (result as TRows).rows.length;

export async function deleteMailboxData(db: TDb, email: string, now: Date): Promise<TDeleteResult> {
  const mailbox = mailboxOf(email);
  const key = mailboxKey(email);
  return db.transaction(async (tx) => {
    // The actions are locked first, in the order a confirmation locks them (action, then its letters), so a
    // confirmation running at the same moment either finishes before (and its queued letters are then cancelled
    // here) or waits and finds no action left for its token.
    const locked = (await tx.execute(sql`select id from actions where ${actionsOfMailbox(mailbox)} order by id for update`)) as unknown as TRows;
    const ids = locked.rows.map((r) => r.id);
    // The ids as a JSON array: one parameter that both drivers (pg and PGlite) pass the same way.
    const mine = sql`select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid`;
    // The captured copies and the outbox rows are found through the actions' address: before it is removed.
    const captured = count(await tx.execute(sql`delete from captured_mail where ${capturedOfMailbox(mailbox, { digests: true })} returning id`));
    const outboxRows = count(await tx.execute(sql`delete from outbox where ${outboxOfMailbox(mailbox, key)} returning id`));
    // The news emails' unsubscribe tokens name the mailbox (issue 11): they go with it.
    await tx.execute(sql`delete from news_tokens where mailbox in (select supporter_mailbox from actions where id in (${mine}))`);
    const letterRows = count(await tx.execute(sql`${anonymiseLetters(mine, now)} returning id`));
    const actionRows = count(await tx.execute(sql`${anonymiseActions(mine, now)} returning id`));
    await tx.execute(sql`delete from privacy_requests where email_key = ${key}`);
    return { actions: actionRows, letters: letterRows, outbox: outboxRows, capturedMail: captured };
  });
}
