import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markLetterDone, markLetterPrinted } from "@/lib/actions/confirm-action";
import type { TDatabase } from "@/lib/db/open";
import { actions, letters } from "@/lib/db/schema";
import type { TLetterPage } from "@/lib/letters/types";
import { loadContent } from "@/lib/templates/load-content";
import { testDatabases } from "@/test/databases";
import { countLetters, tallyLetters } from "./letter-counts";
import { importContent } from "@/lib/content/import-content";

const SLUG = "dnc-sekerbayeva-charges";
const page: TLetterPage = {
  recipientId: "kz-president",
  language: "en",
  subject: "s",
  blocks: [{ type: "paragraph", inlines: [{ text: "b" }] }],
  paper: "A4",
  sender: ["Test Supporter", "Ottawa", "Canada"],
  dateText: "1 March 2025",
  recipientAddress: ["Akorda", "Astana 010000", "Kazakhstan"],
  footer: "",
};

describe.each(testDatabases())("letter counts on $name", ({ open }) => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await open();
    await importContent(database.db, await loadContent(path.join(process.cwd(), "templates")), "import");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("counts sent, waiting and posted letters apart, and a posted letter only after its print step", async () => {
    const [action] = await database.db
      .insert(actions)
      .values({ campaignSlug: SLUG, status: "confirmed", supporterName: "T", city: "Ottawa", country: "CA", delivery: "post" })
      .returning();
    const base = { actionId: action!.id, campaignSlug: SLUG, audienceId: "kazakhstan-authorities", language: "en", subject: "s", body: "b", page };
    const rows = await database.db
      .insert(letters)
      .values([
        { ...base, recipientId: "ca-mp-chong", audienceId: "canada-government", channel: "email" as const, status: "sent" as const },
        { ...base, recipientId: "ca-mp-mcpherson", audienceId: "canada-government", channel: "email" as const, status: "queued" as const },
        { ...base, recipientId: "kz-president", channel: "post" as const, status: "awaiting-confirmation" as const },
        { ...base, recipientId: "kz-embassy-uk", channel: "post" as const, status: "awaiting-confirmation" as const },
      ])
      .returning();
    const [, , printed, notPrinted] = rows;
    const before = await tallyLetters(database.db, SLUG);

    // "I have posted it" without downloading the letter: marked posted, but not counted.
    expect(await markLetterDone(database.db, action!.id, notPrinted!.id, new Date())).toBe(true);
    // Downloaded, then posted: counted once, however often the supporter says so.
    await markLetterPrinted(database.db, action!.id, printed!.id, new Date());
    expect(await markLetterDone(database.db, action!.id, printed!.id, new Date())).toBe(true);
    expect(await markLetterDone(database.db, action!.id, printed!.id, new Date())).toBe(false);

    const after = await tallyLetters(database.db, SLUG);
    expect(after).toEqual({ sent: before.sent, queued: before.queued, posted: before.posted + 1 });
    expect(before.sent).toBeGreaterThanOrEqual(1);
    expect(before.queued).toBeGreaterThanOrEqual(1);
    expect((await countLetters(database.db, [SLUG])).get(SLUG)).toBe(after.sent + after.queued + after.posted);
  });
});
