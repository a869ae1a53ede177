import { randomUUID } from "node:crypto";
import { simpleParser } from "mailparser";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { composeOutboxMessage } from "@/lib/actions/confirmation-message";
import { canonicalMailbox } from "@/lib/actions/canonical-mailbox";
import type { TDatabase } from "@/lib/db/open";
import { actions, capturedMail, newsTokens, outbox } from "@/lib/db/schema";
import { sendOutbox } from "@/lib/mail/outbox";
import { createMailTransport, type TMailTransport } from "@/lib/mail/transport";
import { testDatabases } from "@/test/databases";
import { seedCampaign, wipeDelivery } from "@/test/delivery/seed";
import { countSubscribers, listSubscribers } from "./list-subscribers";
import { queueNews } from "./queue-news";
import { findNewsToken, unsubscribe } from "./unsubscribe";

const now = new Date("2026-03-02T10:00:00Z");
const update = { date: "2026-03-01", text: { en: "The hearing was postponed.", fr: "L’audience a été reportée." }, source: "Court record" };

describe.each(testDatabases())("campaign news on $name", ({ open }) => {
  let database: TDatabase;
  let transport: TMailTransport;
  let slug: string;

  async function supporter(email: string, options: { consent?: boolean; language?: string; at?: Date; anonymised?: boolean; status?: "confirmed" | "awaiting-confirmation" } = {}) {
    await database.db.insert(actions).values({
      id: randomUUID(),
      campaignSlug: slug,
      status: options.status ?? "confirmed",
      supporterName: `Supporter ${email.split("@")[0]}`,
      supporterEmail: email,
      supporterMailbox: canonicalMailbox(email),
      city: "Lyon",
      country: "FR",
      delivery: "mailto",
      pageLanguage: options.language ?? "en",
      consent: options.consent === false ? {} : { updates: true },
      anonymisedAt: options.anonymised ? now : null,
      createdAt: options.at ?? now,
    });
  }
  // A second ahead: the rows are due from the database's now() (microseconds), which can be a few microseconds past a
  // JavaScript Date of the same millisecond.
  const send = () => sendOutbox({ db: database.db, transport, now: () => new Date(Date.now() + 1000), compose: composeOutboxMessage });
  const captured = async () => Promise.all((await database.db.select().from(capturedMail).where(eq(capturedMail.kind, "news"))).map((m) => simpleParser(m.raw)));

  beforeAll(async () => {
    database = await open();
    transport = createMailTransport({ db: database.db });
  });
  afterAll(async () => {
    transport?.close();
    await database?.close();
  });
  beforeEach(async () => {
    await database.db.delete(outbox);
    await database.db.delete(capturedMail);
    await database.db.delete(newsTokens);
    await wipeDelivery(database.db);
    slug = await seedCampaign(database.db);
  });

  it("emails each mailbox that asked for news once, in its language, with a one-click unsubscribe", async () => {
    await supporter("camille@example.org", { language: "fr" });
    // The same mailbox again (a +tag and capitals): one email, to the newest action's address.
    await supporter("Camille+news@example.org", { language: "fr", at: new Date(now.getTime() - 60_000) });
    await supporter("silent@example.org", { consent: false });
    await supporter("gone@example.org", { anonymised: true });
    await supporter("unconfirmed@example.org", { status: "awaiting-confirmation" });
    expect(await countSubscribers(database.db, slug)).toBe(1);

    expect(await queueNews(database.db, slug, update, { closing: false })).toBe(1);
    expect(await send()).toBe(1);
    const [mail] = await captured();
    expect(mail!.subject).toBe("Nouvelles : Free Zhanar Sekerbayeva");
    expect([mail!.to].flat()[0]!.value[0]!.address).toBe("camille@example.org");
    expect(mail!.text).toContain("L’audience a été reportée.");
    expect(mail!.text).toContain("Source : Court record");
    const list = mail!.headers.get("list") as { unsubscribe: { url: string; mail: string }; "unsubscribe-post": { name: string } };
    expect(list["unsubscribe-post"].name).toBe("List-Unsubscribe=One-Click");
    expect(list.unsubscribe.mail).toMatch(/^letters@urgent-letters\.localhost\?subject=unsubscribe/);
    const token = /\/u\/([A-Za-z0-9_-]+)\?lang=fr$/.exec(list.unsubscribe.url)![1]!;
    expect(mail!.text).toContain(list.unsubscribe.url);

    // Only the token's hash is stored; unsubscribing withdraws the mailbox's consent and nobody is left to email.
    const [row] = await database.db.select().from(newsTokens);
    expect(row!.tokenHash).not.toContain(token);
    expect(await findNewsToken(database.db, token)).toEqual({ campaignSlug: slug, unsubscribed: false });
    expect(await unsubscribe(database.db, token, now)).toEqual({ campaignSlug: slug, unsubscribed: true });
    expect(await unsubscribe(database.db, token, now)).toEqual({ campaignSlug: slug, unsubscribed: true });
    expect(await findNewsToken(database.db, "not-a-token")).toBeUndefined();
    expect(await listSubscribers(database.db, slug)).toEqual([]);
    expect(await queueNews(database.db, slug, update, { closing: true })).toBe(0);
  });

  it("gives English with a note in the supporter's language when the update has no text in it", async () => {
    await supporter("asem@example.org", { language: "kk" });
    await queueNews(database.db, slug, { ...update, text: { en: "The hearing was postponed." } }, { closing: true });
    expect(await send()).toBe(1);
    const [mail] = await captured();
    expect(mail!.subject).toBe("Науқан аяқталды: Free Zhanar Sekerbayeva");
    expect(mail!.text).toContain("Бұл жаңалық әзірге сіздің тіліңізде жазылмаған, сондықтан ағылшынша берілді.");
    expect(mail!.text).toContain("The hearing was postponed.");
  });

  it("sends nothing to a supporter who withdrew between the mailing and the send", async () => {
    await supporter("late@example.org");
    await queueNews(database.db, slug, update, { closing: false });
    await database.db.update(actions).set({ consent: { updates: false } });
    expect(await send()).toBe(0);
    expect(await captured()).toEqual([]);
    expect(await database.db.select().from(outbox)).toEqual([]);
  });
});
