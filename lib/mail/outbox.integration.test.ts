import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { composeOutboxMessage } from "@/lib/actions/confirmation-message";
import { confirmAction, findConfirmation } from "@/lib/actions/confirm-action";
import { issueConfirmationToken } from "@/lib/actions/issue-confirmation-token";
import { submitAction } from "@/lib/actions/submit-action";
import { importContent } from "@/lib/content/import-content";
import type { TDatabase } from "@/lib/db/open";
import { actions, capturedMail, outbox } from "@/lib/db/schema";
import { loadContent } from "@/lib/templates/load-content";
import { testDatabases } from "@/test/databases";
import { sendOutbox } from "./outbox";
import { createMailTransport, type TMailTransport } from "./transport";

const NOW = new Date("2026-11-23T10:00:00Z");


describe.each(testDatabases())("the outbox on $name", ({ open }) => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await open();
    await importContent(database.db, await loadContent(path.join(process.cwd(), "templates")), "import");
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
      { now: NOW, pageLanguage: "fr" },
    );
  const send = (transport: TMailTransport, now = NOW) => sendOutbox({ db: database.db, transport, now: () => now, compose: composeOutboxMessage });

  it("holds the confirmation written with the action, until a worker composes and sends it", async () => {
    const action = await submit("outbox1@example.org");
    const [queued] = await database.db.select().from(outbox);
    // It holds the action and the language, and no secret: the link's token is made when the email is.
    expect(queued!.message).toEqual({ actionId: action.id, language: "fr" });

    const transport = createMailTransport({ db: database.db });
    expect(await send(transport)).toBe(1);
    const mail = await database.db.select().from(capturedMail).where(eq(capturedMail.to, '"S" <outbox1@example.org>'));
    expect(mail).toHaveLength(1);
    const parsed = await simpleParser(mail[0]!.raw);
    // In the language of the page it was sent from, with the link and the official it goes to.
    const link = /\/confirm\/([A-Za-z0-9_-]{43})/.exec(parsed.text ?? "")?.[1];
    expect(link).toBeTruthy();
    expect((await findConfirmation(database.db, link!, NOW)).outcome).toBe("awaiting");
    expect(parsed.text).toContain("Michael Chong");
    expect(parsed.html).toContain('lang="fr"');
    // Sent messages leave the outbox: the live link is not kept.
    expect((await database.db.select({ n: count() }).from(outbox))[0]!.n).toBe(0);
  });

  it("tells the address's owner, when it is sent, which officials they have already written to", async () => {
    const first = await submit("outbox3@example.org");
    await confirmAction(database.db, (await issueConfirmationToken(database.db, first.id, NOW))!, NOW);
    await database.db.delete(outbox);
    await submit("outbox3@example.org");
    expect(await send(createMailTransport({ db: database.db }))).toBe(1);
    const [mail] = await database.db.select().from(capturedMail).where(eq(capturedMail.to, '"S" <outbox3@example.org>'));
    expect((await simpleParser(mail!.raw)).text).toContain("Vous avez déjà écrit à Michael Chong, Député dans le cadre de cette campagne");
  });

  it("drops a confirmation whose action is gone, and sends nothing", async () => {
    const action = await submit("outbox4@example.org");
    await database.db.delete(actions).where(eq(actions.id, action.id));
    const before = (await database.db.select({ n: count() }).from(capturedMail))[0]!.n;
    expect(await send(createMailTransport({ db: database.db }))).toBe(0);
    expect((await database.db.select({ n: count() }).from(outbox))[0]!.n).toBe(0);
    expect((await database.db.select({ n: count() }).from(capturedMail))[0]!.n).toBe(before);
  });

  it("does not mail a link that has expired", async () => {
    await submit("outbox5@example.org");
    const before = (await database.db.select({ n: count() }).from(capturedMail))[0]!.n;
    expect(await send(createMailTransport({ db: database.db }), new Date(NOW.getTime() + 49 * 60 * 60_000))).toBe(0);
    expect((await database.db.select({ n: count() }).from(outbox))[0]!.n).toBe(0);
    expect((await database.db.select({ n: count() }).from(capturedMail))[0]!.n).toBe(before);
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
    expect(await send(failing)).toBe(0);
    const [waiting] = await database.db.select().from(outbox);
    expect(waiting!.attempts).toBe(1);
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(NOW.getTime());
    // Not due yet: nothing is tried.
    expect(await send(failing)).toBe(0);
    expect((await database.db.select().from(outbox))[0]!.attempts).toBe(1);

    code = 550;
    const later = new Date(NOW.getTime() + 60 * 60_000);
    await send(failing, later);
    expect((await database.db.select({ n: count() }).from(outbox))[0]!.n).toBe(0);
  });
});
