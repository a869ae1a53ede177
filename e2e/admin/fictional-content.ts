import { expect, type Page } from "@playwright/test";
import { strToU8, zipSync } from "fflate";

/**
 * A fictional campaign with one fictional recipient, imported through the admin's upload, so a test can edit
 * content without touching the seeded campaigns other specs assert. Everything here is made up and says so; the
 * addresses are example.org. Each call makes new ids, so parallel tests never share one.
 */
export type TFictional = { slug: string; recipientId: string; recipientEmail: string; caseStatus: string };

let counter = 0;

export async function importFictionalCampaign(page: Page, status: "draft" | "paused" | "live"): Promise<TFictional> {
  const stamp = `${Date.now().toString(36)}${process.pid.toString(36)}${counter++}`;
  const slug = `fictional-${stamp}`;
  const recipientId = `fictional-official-${stamp}`;
  const recipientEmail = `${recipientId}@example.org`;
  const caseStatus = "Fictional test case: nothing here describes a real person.";
  const files: Record<string, string> = {
    [`recipients/${recipientId}.yaml`]: [
      `id: ${recipientId}`,
      "kind: minister",
      "role:",
      '  en: "Minister of Examples (fictional)"',
      "organisation:",
      '  en: "Government of Exampleland (fictional)"',
      "country: CA",
      "address:",
      '  - "1 Example Street"',
      '  - "Exampletown"',
      `email: "${recipientEmail}"`,
      "channels: [email, post]",
      "salutation:",
      '  en: "Dear Minister"',
      "source:",
      '  - "Fictional entry made by a browser test"',
      'verifiedOn: "2026-12-01"',
      "",
    ].join("\n"),
    [`campaigns/${slug}/campaign.yaml`]: [
      `slug: ${slug}`,
      `status: ${status}`,
      "defaultLanguage: en",
      'subject: "A fictional person"',
      "source:",
      '  organisation: "Example Organisation (fictional)"',
      '  title: "A fictional appeal for tests"',
      "caseStatus:",
      '  asOf: "2026-12-01"',
      "  text:",
      `    en: "${caseStatus}"`,
      "timeline:",
      '  - date: "2026-01"',
      "    text:",
      '      en: "A fictional event."',
      '    source: "Made up for a browser test"',
      "audiences:",
      "  - id: example-government",
      "    title:",
      '      en: "Government of Exampleland"',
      "    defaultLanguage: en",
      `    recipients: [${recipientId}]`,
      "    demands:",
      "      en:",
      '        - "A fictional demand"',
      "",
    ].join("\n"),
    [`campaigns/${slug}/content.en.md`]: '---\ntitle: "A fictional campaign for tests"\nsummary: "Made up by a browser test."\n---\n\nNothing here is real.\n',
    [`campaigns/${slug}/letters/example-government.en.md`]:
      '---\nsubjects:\n  - "A fictional letter"\n---\n\n{{recipient.salutation}},\n\nI write from {{supporter.city}} about a fictional case.\n\n{{demands}}\n',
  };
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([p, text]) => [`templates/${p}`, strToU8(text)])));
  const response = await page.request.post("/api/admin/content/import", {
    multipart: { archive: { name: "fictional.zip", mimeType: "application/zip", buffer: Buffer.from(zip) } },
  });
  expect(response.status(), await response.text()).toBe(200);
  return { slug, recipientId, recipientEmail, caseStatus };
}
