/**
 * A supporter's data request, export and deletion on PGlite and on Postgres, through the real submission, outbox,
 * capture transport and sender: everything stored about the mailbox (in any letter case) is exported and then
 * removed or anonymised, nothing of another mailbox is touched, and a queued letter is cancelled and never sent.
 */
import path from "node:path";
import { count, eq, inArray, sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeOutboxMessage } from "@/lib/actions/confirmation-message";
import { confirmAction } from "@/lib/actions/confirm-action";
import { submitAction } from "@/lib/actions/submit-action";
import { importContent } from "@/lib/content/import-content";
import type { TDatabase } from "@/lib/db/open";
import { actions, capturedMail, letters, outbox, privacyRequests } from "@/lib/db/schema";
import { sendDueLetters } from "@/lib/delivery/send-due-letters";
import { TEST_MAIL_FROM, TEST_ORGANISATION } from "@/test/delivery/seed";
import { AppError } from "@/lib/errors/app-error";
import { sendOutbox } from "@/lib/mail/outbox";
import { createMailTransport, type TMailTransport } from "@/lib/mail/transport";
import { loadContent } from "@/lib/templates/load-content";
import { testDatabases } from "@/test/databases";
import { deleteMailboxData } from "./delete-mailbox-data";
import { exportMailboxData } from "./export-mailbox-data";
import { findMailboxRequest } from "./find-mailbox-request";
import { requestMailboxData } from "./request-mailbox-data";
import { issueConfirmationToken } from "@/lib/actions/issue-confirmation-token";

// A Monday afternoon in Ottawa: the Canadian officials' working hours, so the sender sends.
const NOW = new Date("2026-11-23T15:00:00Z");

describe.each(testDatabases())("a supporter's data on $name", ({ open }) => {
  let database: TDatabase;
  let transport: TMailTransport;
  beforeAll(async () => {
    database = await open();
    await importContent(database.db, await loadContent(path.join(process.cwd(), "templates")), "import");
    transport = createMailTransport({ db: database.db });
  });
  afterAll(async () => {
    transport?.close();
    await database?.close();
  });

  const submit = (name: string, email: string, recipients: string[], delivery: "email" | "post" = "email") =>
    submitAction(
      database.db,
      {
        campaign: "dnc-sekerbayeva-charges",
        supporter: { name, email, city: "Montréal", country: "CA", address: "12 rue Saint-Denis\nMontréal" },
        personalNote: `${name} asks you to act.`,
        recipients,
        delivery,
        consent: { updates: true },
      },
      { now: NOW, ipHash: "iphash-" + name },
    );
  const sendMail = () => sendOutbox({ db: database.db, transport, now: () => NOW, compose: composeOutboxMessage });
  const sendLetters = () =>
    sendDueLetters({ db: database.db, transport, now: () => NOW, random: () => 0.5, mailFrom: TEST_MAIL_FROM, organisationName: TEST_ORGANISATION, log: () => {} });
  const capturedWith = async (text: string) =>
    (await database.db.select({ kind: capturedMail.kind, raw: capturedMail.raw }).from(capturedMail)).filter((m) => m.raw.toLowerCase().includes(text));

  let sentAction: string;
  let queuedAction: string;
  let pendingAction: string;
  let otherAction: string;
  let token: string;

  it("mails a data link to the address, whatever its spelling, and the link finds the mailbox", async () => {
    // Marie writes three times under two spellings: letters sent, letters queued, and one not confirmed yet.
    const first = await submit("Marie Tremblay", "Marie@Example.org", ["ca-mp-chong"]);
    await sendMail();
    await confirmAction(database.db, (await issueConfirmationToken(database.db, first.id, NOW))!, NOW);
    expect((await sendLetters()).sent).toBe(1);
    sentAction = first.id;
    const second = await submit("Marie Tremblay", "marie@example.org", ["ca-minister-foreign-affairs"]);
    await sendMail();
    await confirmAction(database.db, (await issueConfirmationToken(database.db, second.id, NOW))!, NOW);
    queuedAction = second.id;
    // Someone else, whose data must stay whole.
    const other = await submit("Asem Nurlanova", "asem@example.org", ["ca-mp-chong", "ca-minister-foreign-affairs"]);
    otherAction = other.id;
    await sendMail();
    await confirmAction(database.db, (await issueConfirmationToken(database.db, other.id, NOW))!, NOW);
    pendingAction = (await submit("Marie T.", "MARIE@example.org", ["ca-mp-mcpherson"])).id;
    // Marie's third confirmation is still in the outbox (its first try failed; the retry is due in an hour).
    await database.db.update(outbox).set({ nextAttemptAt: new Date(NOW.getTime() + 60 * 60 * 1000), attempts: 1 }).where(sql`message->>'actionId' = ${pendingAction}`);

    await requestMailboxData(database.db, { email: "mArIe@example.ORG" }, { ipHash: "ip-1", language: "fr", now: NOW });
    expect(await sendMail()).toBe(1);
    const [mail] = await database.db.select().from(capturedMail).where(eq(capturedMail.kind, "my-data"));
    expect(mail!.to).toBe("mArIe@example.ORG");
    const parsed = await simpleParser(mail!.raw);
    expect(parsed.subject).toContain("Vos données");
    token = /\/privacy\/my-data\/([A-Za-z0-9_-]+)/.exec(parsed.text ?? "")![1]!;
    // Only the hash of the token is stored, and the outbox row that carried it is gone.
    expect(JSON.stringify(await database.db.select().from(privacyRequests))).not.toContain(token);
    expect(JSON.stringify(await database.db.select().from(outbox))).not.toContain(token);
    expect((await findMailboxRequest(database.db, token, NOW))?.email).toBe("mArIe@example.ORG");
    expect(await findMailboxRequest(database.db, token, new Date(NOW.getTime() + 24 * 60 * 60 * 1000 + 1))).toBeUndefined();
  });

  it("exports everything stored about the mailbox, and nothing of another", async () => {
    const data = await exportMailboxData(database.db, "marie@example.org", NOW);
    expect(data.actions.map((a) => a.id).sort()).toEqual([sentAction, queuedAction, pendingAction].sort());
    const sent = data.actions.find((a) => a.id === sentAction)!;
    expect(sent).toMatchObject({ name: "Marie Tremblay", email: "Marie@Example.org", city: "Montréal", postalAddress: "12 rue Saint-Denis\nMontréal", personalNote: "Marie Tremblay asks you to act.", ipHashStored: true, consent: { updates: true } });
    expect(sent.letters).toHaveLength(1);
    expect(sent.letters[0]).toMatchObject({ recipientId: "ca-mp-chong", status: "sent" });
    expect(sent.letters[0]!.text).toContain("Marie Tremblay");
    expect(data.actions.find((a) => a.id === queuedAction)!.letters[0]!.status).toBe("queued");
    expect(data.consents).toHaveLength(3);
    expect(data.dataRequests).toHaveLength(1);
    // The confirmation still waiting, without its token.
    expect(data.outbox).toHaveLength(1);
    expect(data.outbox[0]!.message).toEqual({ actionId: pendingAction, language: "en" });
    // Captured: two confirmations, the data-link email, and the copy of the letter sent for her.
    expect(data.capturedMail.map((m) => m.kind).sort()).toEqual(["confirmation", "confirmation", "letter", "my-data"]);
    // Copies are given as text, with the letter as it went out, and without the tokens of the links in them.
    expect(data.capturedMail.find((m) => m.kind === "letter")!.text).toContain("Marie Tremblay asks you to act.");
    expect(data.capturedMail.find((m) => m.kind === "my-data")!.text).toContain("/privacy/my-data/…");
    const json = JSON.stringify(data);
    expect(json).not.toMatch(/asem|Nurlanova/i);
    expect(json).not.toContain(token);
    expect(json).not.toMatch(/\/confirm\/[A-Za-z0-9_-]{20,}/);
  });

  it("deletes it: actions and letters anonymised, the queued letter cancelled and never sent, outbox and copies gone", async () => {
    const lettersBefore = (await database.db.select({ n: count() }).from(letters))[0]!.n;
    const otherBefore = await exportMailboxData(database.db, "asem@example.org", NOW);
    const result = await deleteMailboxData(database.db, "MARIE@EXAMPLE.ORG", NOW);
    expect(result).toMatchObject({ actions: 3, letters: 3, outbox: 1, capturedMail: 4 });

    const mine = await database.db.select().from(actions).where(inArray(actions.id, [sentAction, queuedAction, pendingAction]));
    expect(mine).toHaveLength(3);
    for (const a of mine) {
      expect(a).toMatchObject({ supporterName: "", supporterEmail: "", city: "", postalAddress: null, personalNote: null, ipHash: null, consent: {}, confirmTokenHash: null });
      expect(a.anonymisedAt).toEqual(NOW);
    }
    const theirLetters = await database.db.select().from(letters).where(inArray(letters.actionId, [sentAction, queuedAction, pendingAction]));
    expect(Object.fromEntries(theirLetters.map((l) => [l.actionId, l.status]))).toEqual({ [sentAction]: "sent", [queuedAction]: "cancelled", [pendingAction]: "cancelled" });
    for (const l of theirLetters) {
      expect(l.body).toBe("");
      expect(JSON.stringify(l.page)).not.toMatch(/Marie|Montréal|Saint-Denis/);
    }
    // The numbers stay: no letter row is gone.
    expect((await database.db.select({ n: count() }).from(letters))[0]!.n).toBe(lettersBefore);
    // Nothing anywhere names her any more.
    expect(await capturedWith("marie@example.org")).toEqual([]);
    expect(JSON.stringify(await database.db.select().from(outbox))).not.toMatch(/marie/i);
    expect(JSON.stringify(await database.db.select().from(actions))).not.toMatch(/marie|Tremblay/i);
    expect(JSON.stringify(await database.db.select().from(letters))).not.toMatch(/Marie|Tremblay/);
    expect(await database.db.select().from(privacyRequests)).toEqual([]);
    expect((await exportMailboxData(database.db, "marie@example.org", NOW)).actions).toEqual([]);
    // The link no longer works.
    expect(await findMailboxRequest(database.db, token, NOW)).toBeUndefined();

    // The sender goes on: Asem's letters leave, Marie's cancelled one does not.
    const counts = await sendLetters();
    expect(counts.sent).toBe(2);
    const [cancelled] = await database.db.select().from(letters).where(eq(letters.actionId, queuedAction));
    expect(cancelled!.status).toBe("cancelled");
    expect(cancelled!.sentAt).toBeNull();
    const ministerCopies = (await database.db.select({ raw: capturedMail.raw }).from(capturedMail).where(eq(capturedMail.kind, "letter"))).filter((m) =>
      m.raw.includes(`<letter-${cancelled!.id}@`),
    );
    expect(ministerCopies).toEqual([]);

    // Asem's data is untouched (apart from the letters that have now gone out).
    const otherAfter = await exportMailboxData(database.db, "asem@example.org", NOW);
    expect(otherAfter.actions.map(({ letters: _l, ...a }) => a)).toEqual(otherBefore.actions.map(({ letters: _l, ...a }) => a));
    expect(otherAfter.actions[0]!.letters.map((l) => l.text)).toEqual(otherBefore.actions[0]!.letters.map((l) => l.text));
    expect(otherAfter.actions[0]!.id).toBe(otherAction);
    expect(otherAfter.capturedMail.length).toBeGreaterThanOrEqual(3);
  });

  it("limits requests per mailbox, whatever its spelling, and per IP", async () => {
    const ask = (email: string, ipHash: string) => requestMailboxData(database.db, { email }, { ipHash, language: "en", now: NOW, limits: { perMailboxPerHour: 2, perIpPerHour: 3 } });
    await ask("limit@example.org", "ip-a");
    await ask("LIMIT@example.org", "ip-b");
    await expect(ask("Limit@Example.org", "ip-c")).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await ask("one@example.org", "ip-d");
    await ask("two@example.org", "ip-d");
    await ask("three@example.org", "ip-d");
    await expect(ask("four@example.org", "ip-d")).rejects.toBeInstanceOf(AppError);
    // A bad address is refused with the field's message key, and nothing is written.
    const before = (await database.db.select({ n: count() }).from(privacyRequests))[0]!.n;
    await expect(ask("not an address", "ip-e")).rejects.toMatchObject({ code: "INVALID_INPUT", errors: [{ path: "email", message: "validation.email" }] });
    expect((await database.db.select({ n: count() }).from(privacyRequests))[0]!.n).toBe(before);
  });

  it("deletes safely while the same supporter confirms at that moment: the letters end up cancelled either way", async () => {
    for (let i = 0; i < 6; i++) {
      const email = `race${i}@example.org`;
      const action = await submit(`Racer ${i}`, email, ["ca-mp-chong", "ca-minister-foreign-affairs"]);
      const token = (await issueConfirmationToken(database.db, action.id, NOW))!;
      const [confirmed] = await Promise.all([confirmAction(database.db, token, NOW), deleteMailboxData(database.db, email, NOW)]);
      expect(["confirmed", "unknown"]).toContain(confirmed.outcome);
      const rows = await database.db.select({ status: letters.status }).from(letters).where(eq(letters.actionId, action.id));
      expect(rows.map((r) => r.status)).toEqual(["cancelled", "cancelled"]);
      const [row] = await database.db.select({ email: actions.supporterEmail }).from(actions).where(eq(actions.id, action.id));
      expect(row!.email).toBe("");
    }
  });
});
