/**
 * Rows for delivery tests and the benchmark, inserted directly: a campaign, officials with email addresses,
 * supporters' actions and queued letters with a valid frozen page. Every letter's text is unique, so a test can find
 * it again in the PDF that arrived.
 */
import { randomUUID } from "node:crypto";
import type { TDb } from "@/lib/db/open";
import { actions, campaigns, letters, recipients, relayState, type TCampaignSettings } from "@/lib/db/schema";
import type { TLetterPage } from "@/lib/letters/types";
import { blocksToText } from "@/lib/templates/render-letter";

export const TEST_MAIL_FROM = "letters@urgent-letters.test";
export const TEST_ORGANISATION = "Urgent Letters";
/** Caps high enough not to matter, for tests that are not about pacing. */
export const NO_CAPS: TCampaignSettings = { hourlyCap: 100_000, dailyCap: 100_000, retentionDays: 180 };

export async function seedCampaign(
  db: TDb,
  options: { slug?: string; settings?: TCampaignSettings; paused?: boolean } = {},
): Promise<string> {
  const slug = options.slug ?? "test-campaign";
  await db.insert(campaigns).values({
    slug,
    status: "live",
    subject: "Free Zhanar Sekerbayeva",
    defaultLanguage: "en",
    content: { en: { title: "Free Zhanar Sekerbayeva", summary: "Summary", background: "Background" } },
    source: { organisation: "Front Line Defenders", title: "Urgent appeal" },
    timeline: [],
    settings: options.settings ?? NO_CAPS,
    sendingHeld: options.paused ?? false,
  });
  return slug;
}

export async function seedRecipient(
  db: TDb,
  options: { id?: string; email?: string | null; name?: string | null; timeZone?: string | null } = {},
): Promise<string> {
  const id = options.id ?? `official-${randomUUID().slice(0, 8)}`;
  await db.insert(recipients).values({
    id,
    name: options.name === undefined ? "H.E. Test Ambassador" : options.name,
    role: { en: "Ambassador" },
    organisation: { en: "Embassy of the Republic of Kazakhstan" },
    country: "GB",
    email: options.email === undefined ? `${id}@embassy.test` : options.email,
    channels: ["email"],
    salutation: { en: "Your Excellency," },
    timeZone: options.timeZone ?? null,
    source: ["https://example.org/source"],
    verifiedOn: "2026-01-15",
  });
  return id;
}

export type TSeedSupporter = {
  name?: string;
  email?: string;
  signAs?: "full" | "initials";
  city?: string;
  country?: string;
};

/** The frozen page of a letter: what the PDF is made from. */
export function testPage(options: { recipientId: string; subject: string; text: string; signature: string }): TLetterPage {
  return {
    recipientId: options.recipientId,
    language: "en",
    subject: options.subject,
    blocks: [
      { type: "paragraph", inlines: [{ text: "Your Excellency," }] },
      { type: "paragraph", inlines: [{ text: options.text }] },
      { type: "paragraph", inlines: [{ text: `Respectfully,\n${options.signature}` }] },
    ],
    paper: "A4",
    sender: [options.signature, "Cork", "Ireland"],
    dateText: "2 March 2026",
    recipientAddress: ["Ambassador of the Republic of Kazakhstan", "125 Pall Mall", "London SW1Y 5EA"],
    footer: "Urgent appeal for Zhanar Sekerbayeva · written by a supporter through Urgent Letters",
  };
}

export type TSeedLettersOptions = {
  campaignSlug: string;
  recipientId: string;
  count: number;
  /** When the letters were confirmed: queued and due from then. */
  queuedAt: Date;
  /** One supporter for every letter, or (default) a different supporter per letter. */
  supporter?: TSeedSupporter;
  subject?: string;
  /** The unique sentence in letter i (default: "Letter number i to <recipient>."). */
  text?: (i: number) => string;
  /** A whole page instead of the short test page (the benchmark uses a full-length letter). */
  page?: (i: number, signature: string) => TLetterPage;
};

/** Inserts `count` queued email letters (each with its own action unless one supporter is given); returns their ids in order. */
export async function seedLetters(db: TDb, options: TSeedLettersOptions): Promise<string[]> {
  const subject = options.subject ?? "Release Zhanar Sekerbayeva";
  const ids: string[] = [];
  const chunk = 200;
  for (let from = 0; from < options.count; from += chunk) {
    const indices = Array.from({ length: Math.min(chunk, options.count - from) }, (_, k) => from + k);
    const actionRows = indices.map((i) => {
      const s = options.supporter ?? {};
      return {
        id: randomUUID(),
        campaignSlug: options.campaignSlug,
        status: "confirmed" as const,
        supporterName: s.name ?? `Supporter Number${i}`,
        supporterEmail: s.email ?? `supporter${i}@example.org`,
        city: s.city ?? `City${i}`,
        country: s.country ?? "IE",
        signAs: s.signAs ?? "full",
        delivery: "email" as const,
        confirmedAt: options.queuedAt,
      };
    });
    await db.insert(actions).values(actionRows);
    const letterRows = indices.map((i, k) => {
      const action = actionRows[k]!;
      const text = options.text?.(i) ?? `Letter number ${i} to ${options.recipientId}.`;
      const page = options.page?.(i, action.supporterName) ?? testPage({ recipientId: options.recipientId, subject, text, signature: action.supporterName });
      return {
        id: randomUUID(),
        actionId: action.id,
        campaignSlug: options.campaignSlug,
        audienceId: "officials",
        recipientId: options.recipientId,
        language: "en",
        channel: "email" as const,
        status: "queued" as const,
        subject,
        body: blocksToText(page.blocks),
        page,
        nextAttemptAt: options.queuedAt,
        // Distinct creation times keep "oldest first" well defined.
        createdAt: new Date(options.queuedAt.getTime() - 1000 * 60 + i),
      };
    });
    await db.insert(letters).values(letterRows);
    ids.push(...letterRows.map((l) => l.id));
  }
  return ids;
}

/** Empties what delivery tests write, so each test starts with an empty queue. */
export async function wipeDelivery(db: TDb): Promise<void> {
  await db.delete(letters);
  await db.delete(actions);
  await db.delete(recipients);
  await db.delete(campaigns);
  await db.delete(relayState);
}
