/**
 * Reads and validates the content files in templates/ (see templates/README.md). Pure with respect to the database:
 * it returns the content or throws a ContentError listing every problem, each with its file and field.
 */
import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import YAML from "yaml";
import { z } from "zod";
import type { TCampaignContent } from "@/lib/db/schema";
import { isLanguage, type TLanguage } from "@/lib/i18n/languages";
import {
  ZCampaignFile,
  ZContentFrontMatter,
  ZLetterFrontMatter,
  ZPartnerFile,
  ZRecipientFile,
  type TCampaignFile,
  type TPartnerFile,
  type TRecipientFile,
} from "./content-schema";
import { checkTemplate } from "./placeholders";

export type TContentProblem = { file: string; field: string; message: string };

export class ContentError extends Error {
  constructor(readonly problems: TContentProblem[]) {
    super(
      `The content files in templates/ have ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n` +
        problems.map((p) => `  ${p.file}: ${p.field}: ${p.message}`).join("\n"),
    );
    this.name = "ContentError";
  }
}

export type TLetterTemplateContent = {
  audienceId: string;
  language: TLanguage;
  subjects: string[];
  body: string;
  review?: "needed";
  file: string;
};

export type TCampaignBundle = {
  file: string;
  campaign: TCampaignFile;
  content: Partial<Record<TLanguage, TCampaignContent>> & { en: TCampaignContent };
  letters: TLetterTemplateContent[];
};

/** A partner file: ZPartnerFile, and `active: false` for a partner that was switched off (exported so). */
export type TPartnerContent = TPartnerFile & { active?: boolean; file: string };

export type TContent = {
  recipients: (TRecipientFile & { file: string })[];
  campaigns: TCampaignBundle[];
  /** templates/partners/<code>.yaml (optional: older content folders have none). */
  partners?: TPartnerContent[];
};

/** Splits `---\nyaml\n---\nbody` and says on which line of the file the body starts. */
export function splitFrontMatter(source: string): { data: unknown; body: string; bodyLine: number } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return undefined;
  return {
    data: YAML.parse(match[1] ?? "") ?? {},
    body: source.slice(match[0].length),
    bodyLine: match[0].split("\n").length,
  };
}

function fieldOf(issuePath: readonly PropertyKey[]): string {
  return issuePath.length === 0 ? "(file)" : issuePath.map(String).join(".");
}

export async function loadContent(root: string): Promise<TContent> {
  const problems: TContentProblem[] = [];
  const rel = (file: string) => path.relative(process.cwd(), file) || file;

  async function readParsed<T>(file: string, schema: z.ZodType<T>, parse: (s: string) => unknown): Promise<T | undefined> {
    let data: unknown;
    try {
      data = parse(await fs.readFile(file, "utf8"));
    } catch (error) {
      problems.push({ file: rel(file), field: "(file)", message: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
    const result = schema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file: rel(file), field: fieldOf(issue.path), message: issue.message });
      }
      return undefined;
    }
    return result.data;
  }

  async function readFrontMatter(file: string) {
    const source = await fs.readFile(file, "utf8");
    const parts = splitFrontMatter(source);
    if (!parts) problems.push({ file: rel(file), field: "(front matter)", message: "expected front matter between --- lines" });
    return parts;
  }

  const listDir = async (dir: string) => {
    try {
      return (await fs.readdir(dir)).sort();
    } catch {
      return [];
    }
  };

  // Recipients
  const recipients: TContent["recipients"] = [];
  const recipientDir = path.join(root, "recipients");
  for (const name of await listDir(recipientDir)) {
    if (!name.endsWith(".yaml")) continue;
    const file = path.join(recipientDir, name);
    const recipient = await readParsed(file, ZRecipientFile, (s) => YAML.parse(s));
    if (!recipient) continue;
    if (`${recipient.id}.yaml` !== name) {
      problems.push({ file: rel(file), field: "id", message: `must match the file name (${name.replace(/\.yaml$/, "")})` });
    }
    recipients.push({ ...recipient, file: rel(file) });
  }
  const recipientsById = new Map(recipients.map((r) => [r.id, r]));

  // Campaigns
  const campaigns: TCampaignBundle[] = [];
  const campaignRoot = path.join(root, "campaigns");
  for (const slug of await listDir(campaignRoot)) {
    const dir = path.join(campaignRoot, slug);
    if (!(await fs.stat(dir)).isDirectory()) continue;
    const file = path.join(dir, "campaign.yaml");
    const campaign = await readParsed(file, ZCampaignFile, (s) => YAML.parse(s));
    if (!campaign) continue;
    if (campaign.slug !== slug) problems.push({ file: rel(file), field: "slug", message: `must match the folder name (${slug})` });

    // Per-language content
    const content: Partial<Record<TLanguage, TCampaignContent>> = {};
    for (const name of await listDir(dir)) {
      const m = /^content\.([a-z]+)\.md$/.exec(name);
      if (!m) continue;
      const contentFile = path.join(dir, name);
      if (!isLanguage(m[1])) {
        problems.push({ file: rel(contentFile), field: "(file name)", message: `unknown language "${m[1]}"` });
        continue;
      }
      const parts = await readFrontMatter(contentFile);
      if (!parts) continue;
      const front = ZContentFrontMatter.safeParse(parts.data);
      if (!front.success) {
        for (const issue of front.error.issues) problems.push({ file: rel(contentFile), field: fieldOf(issue.path), message: issue.message });
        continue;
      }
      content[m[1]] = { ...front.data, background: parts.body.trim() };
    }
    if (!content.en) {
      problems.push({ file: rel(path.join(dir, "content.en.md")), field: "(file)", message: "the English content file is missing" });
    }

    // Audiences: recipients must exist
    campaign.audiences.forEach((audience, i) => {
      audience.recipients.forEach((rid, j) => {
        if (!recipientsById.has(rid)) {
          problems.push({ file: rel(file), field: `audiences.${i}.recipients.${j}`, message: `no recipient "${rid}" in templates/recipients` });
        }
      });
      audience.preselected?.forEach((rid, j) => {
        if (!audience.recipients.includes(rid)) {
          problems.push({ file: rel(file), field: `audiences.${i}.preselected.${j}`, message: `"${rid}" is not among this audience's recipients` });
        }
      });
    });

    // Letter templates
    const letters: TLetterTemplateContent[] = [];
    const letterDir = path.join(dir, "letters");
    for (const name of await listDir(letterDir)) {
      const letterFile = path.join(letterDir, name);
      const m = /^([a-z0-9-]+)\.([a-z]+)\.md$/.exec(name);
      if (!m) {
        problems.push({ file: rel(letterFile), field: "(file name)", message: "expected <audience>.<language>.md" });
        continue;
      }
      const [, audienceId = "", language] = m;
      const audienceIndex = campaign.audiences.findIndex((a) => a.id === audienceId);
      if (audienceIndex < 0) {
        problems.push({ file: rel(letterFile), field: "(file name)", message: `no audience "${audienceId}" in campaign.yaml` });
        continue;
      }
      if (!isLanguage(language)) {
        problems.push({ file: rel(letterFile), field: "(file name)", message: `unknown language "${language}"` });
        continue;
      }
      const parts = await readFrontMatter(letterFile);
      if (!parts) continue;
      const front = ZLetterFrontMatter.safeParse(parts.data);
      if (!front.success) {
        for (const issue of front.error.issues) problems.push({ file: rel(letterFile), field: fieldOf(issue.path), message: issue.message });
        continue;
      }
      for (const problem of checkTemplate(parts.body)) {
        problems.push({ file: rel(letterFile), field: `line ${problem.line + parts.bodyLine - 1}`, message: problem.message });
      }
      front.data.subjects.forEach((subject, i) => {
        for (const problem of checkTemplate(subject)) problems.push({ file: rel(letterFile), field: `subjects.${i}`, message: problem.message });
      });
      const audience = campaign.audiences[audienceIndex]!;
      if (!audience.demands[language]) {
        problems.push({ file: rel(file), field: `audiences.${audienceIndex}.demands.${language}`, message: `missing: the ${language} letter needs the demands in ${language}` });
      }
      // Every recipient the letter can go to needs a salutation in its language.
      for (const rid of audience.recipients) {
        const recipient = recipientsById.get(rid);
        if (recipient && !recipient.salutation[language]) {
          problems.push({ file: recipient.file, field: `salutation.${language}`, message: `missing: ${rel(letterFile)} writes to this recipient in ${language}` });
        }
      }
      letters.push({ audienceId, language, subjects: front.data.subjects, body: parts.body.trim() + "\n", review: front.data.review, file: rel(letterFile) });
    }
    campaign.audiences.forEach((audience, i) => {
      if (!letters.some((l) => l.audienceId === audience.id && l.language === "en")) {
        problems.push({ file: rel(file), field: `audiences.${i}`, message: `no English letter template letters/${audience.id}.en.md` });
      }
      if (!letters.some((l) => l.audienceId === audience.id && l.language === audience.defaultLanguage)) {
        problems.push({ file: rel(file), field: `audiences.${i}.defaultLanguage`, message: `no letter template in ${audience.defaultLanguage}` });
      }
    });

    if (content.en) campaigns.push({ file: rel(file), campaign, content: { ...content, en: content.en }, letters });
  }

  // Partners
  const partners: TPartnerContent[] = [];
  const partnerDir = path.join(root, "partners");
  const ZPartner = ZPartnerFile.extend({ active: z.boolean({ message: "expected true or false" }).optional() });
  for (const name of await listDir(partnerDir)) {
    if (!name.endsWith(".yaml")) continue;
    const file = path.join(partnerDir, name);
    const partner = await readParsed(file, ZPartner, (s) => YAML.parse(s));
    if (!partner) continue;
    if (`${partner.code}.yaml` !== name) {
      problems.push({ file: rel(file), field: "code", message: `must match the file name (${name.replace(/\.yaml$/, "")})` });
    }
    partners.push({ ...partner, file: rel(file) });
  }

  if (problems.length > 0) throw new ContentError(problems);
  return { recipients, campaigns, partners };
}
