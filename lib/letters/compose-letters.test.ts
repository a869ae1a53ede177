import { describe, expect, it } from "vitest";
import { defaultLetterLanguage, letterLanguageFor, templatesForLanguage, type TComposeAudience, type TComposeCampaign, type TTemplateRow } from "./compose-letters";

const audience = (id: string, languages: TComposeAudience["languages"], defaultLanguage = "en"): TComposeAudience => ({
  id,
  title: { en: id },
  defaultLanguage,
  languages,
  demands: { en: ["a demand"] },
  recipients: [],
});

const campaign: TComposeCampaign = {
  slug: "a-case",
  subject: "A case",
  content: { en: { title: "A case" } },
  languages: ["en", "fr", "ru", "kk"],
  audiences: [audience("kz", ["en", "ru", "kk"]), audience("ca", ["en", "fr"])],
};

const row = (audienceId: string, language: string): TTemplateRow => ({ audienceId, language, subjects: [`${audienceId} ${language}`], body: "{{recipient.salutation}}" });
const templates = [row("kz", "en"), row("kz", "ru"), row("kz", "kk"), row("ca", "en"), row("ca", "fr")];

describe("the templates a page carries", () => {
  it("are one per audience, in the language its letters are written in", () => {
    expect(templatesForLanguage(campaign, templates, "fr").map((t) => `${t.audienceId} ${t.language}`)).toEqual(["kz en", "ca fr"]);
    expect(templatesForLanguage(campaign, templates, "ru").map((t) => `${t.audienceId} ${t.language}`)).toEqual(["kz ru", "ca en"]);
    expect(templatesForLanguage(campaign, templates, undefined).map((t) => `${t.audienceId} ${t.language}`)).toEqual(["kz en", "ca en"]);
  });

  it("follow the same rule as the letters: the chosen language where the audience has it, else its own", () => {
    expect(letterLanguageFor(campaign.audiences[0]!, "fr")).toBe("en");
    expect(letterLanguageFor(campaign.audiences[0]!, "kk")).toBe("kk");
    expect(letterLanguageFor(audience("x", ["en", "ru"], "ru"), undefined)).toBe("ru");
  });

  it("start from the page's language where the campaign has letters in it", () => {
    expect(defaultLetterLanguage(campaign, "kk")).toBe("kk");
    expect(defaultLetterLanguage({ ...campaign, languages: ["en", "fr"] }, "kk")).toBeUndefined();
  });
});
