/**
 * What a campaign must satisfy beyond its schema, against the database: every audience's recipients exist and its
 * preselected ones are among them; and, to be live, every audience has an English letter template and the default
 * language's, and every recipient a salutation in every language its audience's templates are written in (the same
 * rules the file loader applies, lib/templates/load-content.ts). Returns field errors; empty when all is well.
 */
import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { letterTemplates, recipients } from "@/lib/db/schema";
import type { TFieldError } from "@/lib/errors/app-error";
import type { TCampaignDoc } from "./docs";

export async function checkCampaign(db: TDb, doc: TCampaignDoc, options: { goingLive: boolean }): Promise<TFieldError[]> {
  const problems: TFieldError[] = [];
  const c = doc.campaign;
  const ids = [...new Set(c.audiences.flatMap((a) => a.recipients))];
  const found = ids.length ? await db.select({ id: recipients.id, salutation: recipients.salutation }).from(recipients).where(inArray(recipients.id, ids)) : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  c.audiences.forEach((a, i) => {
    a.recipients.forEach((rid, j) => {
      if (!byId.has(rid)) problems.push({ path: `campaign.audiences.${i}.recipients.${j}`, code: "unknownRecipient", message: `no recipient "${rid}" in the directory` });
    });
    a.preselected?.forEach((rid, j) => {
      if (!a.recipients.includes(rid)) problems.push({ path: `campaign.audiences.${i}.preselected.${j}`, code: "notInAudience", message: `"${rid}" is not among this audience's recipients` });
    });
  });
  if (!options.goingLive) return problems;

  const templates = await db.select({ audienceId: letterTemplates.audienceId, language: letterTemplates.language }).from(letterTemplates).where(eq(letterTemplates.campaignSlug, c.slug));
  c.audiences.forEach((a, i) => {
    const languages = templates.filter((t) => t.audienceId === a.id).map((t) => t.language);
    for (const needed of new Set(["en", a.defaultLanguage])) {
      if (!languages.includes(needed)) {
        problems.push({ path: `campaign.audiences.${i}`, code: "missingTemplate", message: `publish a letter template in ${needed} for "${a.id}" first` });
      }
    }
    for (const language of languages) {
      if (!(a.demands as Record<string, string[] | undefined>)[language]) {
        problems.push({ path: `campaign.audiences.${i}.demands.${language}`, code: "missingDemands", message: `the ${language} letter needs the demands in ${language}` });
      }
      for (const rid of a.recipients) {
        const r = byId.get(rid);
        if (r && !(r.salutation as Record<string, string | undefined>)[language]) {
          problems.push({ path: `campaign.audiences.${i}.recipients`, code: "missingSalutation", message: `recipient "${rid}" has no salutation in ${language}, which "${a.id}" writes in` });
        }
      }
    }
  });
  return problems;
}
