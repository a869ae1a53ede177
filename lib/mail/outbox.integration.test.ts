import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitAction } from "@/lib/actions/submit-action";
import { syncContent } from "@/lib/campaigns/sync-content";
import type { TDatabase } from "@/lib/db/open";
import { capturedMail, outbox } from "@/lib/db/schema";
import { loadContent } from "@/lib/templates/load-content";
import { testDatabases } from "@/test/databases";
import { sendOutbox, type TOutboxMessage } from "./outbox";
import { createMailTransport, type TMailTransport } from "./transport";

const NOW = new Date("2026-11-23T10:00:00Z");

function message(to: string, link: string): TOutboxMessage {
  return { from: { name: "Urgent Letters", address: "letters@example.org" }, to: { name: "S", address: to }, subject: "Please confirm", text: link, html: `<p>${link}</p>` };
}

describe.each(testDatabases())("the outbox on $name", ({ open }) => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await open();
    await syncContent(database.db, await loadContent(path.join(process.cwd(), "templates")));
  });
  afterAll(async () => {
    await database?.close();
  });

  const submit = (email: string) =>
    submitAction(
      database.db,
      {
        campaign: "dnc-sekerbayeva-charges",
        supporter: { name: "S", email, city: "Ottawa", country: "CA" },
        recipients: ["ca-mp-chong"],
        delivery: "email",
      },
      { now: NOW, confirmationEmail: (a) => message(a.input.supporter.email, `https://example.org/confirm/${a.token}`) },
    );

  it("holds the confirmation written with the action, until a worker sends it", async () => {
    const action = await submit("outbox1@example.org");
    const [queued] = await database.db.select().from(outbox);
    expect(queued!.message.text).toBe(`https://example.org/confirm/${action.confirmToken}`);

    const transport = createMailTransport({ db: database.db });
    expect(await sendOutbox({ db: database.db, transport, now: () => NOW })).toBe(1);
    const mail = await database.db.select().from(capturedMail).where(eq(capturedMail.to, '"S" <outbox1@example.org>'));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.raw).toContain(action.confirmToken);
    // Sent messages leave the outbox: the live link is not kept.
    expect((await database.db.select({ n: count() }).from(outbox))[0]!.n).toBe(0);
  });

  it("retries a temporary failure later, and drops a permanent one", async () => {
    await submit("outbox2@example.org");
    let code = 421;
    const failing: TMailTransport = {
      kind: "smtp",
      async send() {
        throw Object.assign(new Error(`${code} try later`), { responseCode: code });
      },
      close() {},
    };
    expect(await sendOutbox({ db: database.db, transport: failing, now: () => NOW })).toBe(0);
    const [waiting] = await database.db.select().from(outbox);
    expect(waiting!.attempts).toBe(1);
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(NOW.getTime());
    // Not due yet: nothing is tried.
    expect(await sendOutbox({ db: database.db, transport: failing, now: () => NOW })).toBe(0);
    expect((await database.db.select().from(outbox))[0]!.attempts).toBe(1);

    code = 550;
    const later = new Date(NOW.getTime() + 60 * 60_000);
    await sendOutbox({ db: database.db, transport: failing, now: () => later });
    expect((await database.db.select({ n: count() }).from(outbox))[0]!.n).toBe(0);
  });
});
