/**
 * The admin's save of a letter template (audience × language): validated by the file schema and the placeholder
 * check (an unknown placeholder is named with its line), then kept as a draft, or published: letters written from
 * then on use it, letters written before keep their text.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { audiences, recipients, audienceRecipients } from "@/lib/db/schema";
import { AppError, type TFieldError } from "@/lib/errors/app-error";
import { isLanguage } from "@/lib/i18n/languages";
import { checkTemplate } from "@/lib/templates/placeholders";
import { recordAudit } from "@/lib/audit/record-audit";
import { applyDoc } from "./apply-doc";
import { canonicalJson, parseTemplateKey, ZTemplateDoc, type TTemplateDoc } from "./docs";
import { invalidDoc } from "./invalid-doc";
import { readDraft, readPublished } from "./read-doc";
import { recordVersion } from "./record-version";

const INVALID = "This could not be saved: please check the fields listed.";

/** Placeholder problems of a template: the body's with their line (1-based), the subjects' with their index. */
export function templateProblems(doc: TTemplateDoc): TFieldError[] {
  return [
    ...checkTemplate(doc.body).map((p) => ({ path: "body", code: "placeholder", message: `line ${p.line}: ${p.message}` })),
    ...doc.subjects.flatMap((subject, i) => checkTemplate(subject).map((p) => ({ path: `subjects.${i}`, code: "placeholder", message: p.message }))),
  ];
}

export async function saveTemplate(
  db: TDb,
  key: string,
  input: unknown,
  author: string,
  mode: "draft" | "publish",
  note?: string,
): Promise<{ versionId: string; version: number; state: "draft" | "published"; changed: boolean }> {
  const parsed = ZTemplateDoc.safeParse(input);
  if (!parsed.success) throw invalidDoc(parsed.error);
  const doc = parsed.data;
  const problems = templateProblems(doc);
  if (problems.length) throw new AppError("INVALID_INPUT", INVALID, problems);
  const { slug, audienceId, language } = parseTemplateKey(key);
  if (!isLanguage(language)) throw new AppError("NOT_FOUND", "There is no such letter template.");

  return db.transaction(async (tx) => {
    const [audience] = await tx.select().from(audiences).where(and(eq(audiences.campaignSlug, slug), eq(audiences.id, audienceId)));
    if (!audience) throw new AppError("NOT_FOUND", "There is no such audience.");
    if (mode === "publish") {
      // A published letter must be writable to everyone in the audience: demands and salutations in its language.
      const missing: TFieldError[] = [];
      if (!(audience.demands as Record<string, string[] | undefined>)[language]) {
        missing.push({ path: "language", code: "missingDemands", message: `the audience has no demands in ${language}: add them to the campaign first` });
      }
      const members = await tx
        .select({ id: recipients.id, salutation: recipients.salutation })
        .from(audienceRecipients)
        .innerJoin(recipients, eq(recipients.id, audienceRecipients.recipientId))
        .where(and(eq(audienceRecipients.campaignSlug, slug), eq(audienceRecipients.audienceId, audienceId)));
      for (const m of members) {
        if (!(m.salutation as Record<string, string | undefined>)[language]) {
          missing.push({ path: "language", code: "missingSalutation", message: `recipient "${m.id}" has no salutation in ${language}` });
        }
      }
      if (missing.length) throw new AppError("INVALID_INPUT", INVALID, missing);
      const applied = await applyDoc(tx, "template", key, doc, { author, note });
      return { ...applied, state: "published" as const };
    }
    // A draft equal to the newest version (draft or published) is not saved again.
    const newest = (await readDraft(tx, "template", key)) ?? (await readPublished(tx, "template", key));
    if (newest && canonicalJson(newest.doc) === canonicalJson(doc)) {
      return { changed: false, versionId: newest.id, version: newest.version, state: newest.state };
    }
    const saved = await recordVersion(tx, { entity: "template", key, state: "draft", doc, author, note });
    await recordAudit(tx, { actor: author, action: "save-draft", entity: "template", key, detail: { version: saved.version } });
    return { changed: true, versionId: saved.id, version: saved.version, state: "draft" as const };
  });
}
