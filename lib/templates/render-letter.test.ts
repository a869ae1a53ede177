import { describe, expect, it } from "vitest";
import { initialsOf, letterDate, renderLetter, type TRenderLetterInput } from "./render-letter";

const base: TRenderLetterInput = {
  template: {
    subjects: ["Appeal for {{campaign.subject}}", "Please protect {{campaign.subject}}", "Third variant"],
    body: [
      "{{recipient.salutation}},",
      "",
      "I write from {{supporter.city}}, {{supporter.country}}, on {{date}}.",
      "",
      "I urge you to:",
      "",
      "{{demands}}",
      "",
      "{{#personal.note}}",
      "{{personal.note}}",
      "{{/personal.note}}",
      "",
      "Respectfully,",
      "",
      "{{supporter.name}}",
    ].join("\n"),
  },
  language: "en",
  recipient: { id: "kz-president", name: "Kassym-Jomart Tokayev", role: { en: "President" }, salutation: { en: "Your Excellency", ru: "Ваше Превосходительство" } },
  demands: ["Release her;", "Protect her."],
  campaignSubject: "Zhanar Sekerbayeva",
  supporter: { name: "Әсем Қайратқызы Нұрланова", city: "Almaty", country: "KZ" },
  date: new Date("2025-03-05T10:00:00Z"),
  subjectIndex: 0,
};

describe("renderLetter", () => {
  it("fills the placeholders and keeps the demands as a numbered list", () => {
    const letter = renderLetter(base);
    expect(letter.subject).toBe("Appeal for Zhanar Sekerbayeva");
    expect(letter.blocks[0]).toEqual({ type: "paragraph", inlines: [{ text: "Your Excellency," }] });
    expect(letter.text).toContain("I write from Almaty, Kazakhstan, on 5 March 2025.");
    expect(letter.blocks).toContainEqual({ type: "list", ordered: true, items: [[{ text: "Release her;" }], [{ text: "Protect her." }]] });
    expect(letter.text).toContain("1. Release her;\n2. Protect her.");
    expect(letter.text.trim().endsWith("Әсем Қайратқызы Нұрланова")).toBe(true);
  });

  it("leaves out the personal note's section when there is no note", () => {
    const without = renderLetter(base);
    expect(without.text).not.toMatch(/\n\n\n/);
    const withNote = renderLetter({ ...base, personalNote: "I visited Almaty in 2019.\nI care about this." });
    expect(withNote.text).toContain("I visited Almaty in 2019.\nI care about this.\n\nRespectfully,");
  });

  it("treats hostile supporter text as plain text", () => {
    const hostile = "{{recipient.salutation}} <script>alert(1)</script> **bold** [link](http://x) # heading\n\n1. list";
    const letter = renderLetter({
      ...base,
      supporter: { name: "<img src=x onerror=alert(1)> {{date}}", city: "*Cork* `code`", country: "IE" },
      personalNote: hostile,
    });
    // Everything comes out literally: no placeholder expanded, no Markdown applied, no HTML escaped into entities.
    expect(letter.text).toContain(hostile);
    expect(letter.text).toContain("I write from *Cork* `code`, Ireland");
    expect(letter.text).toContain("<img src=x onerror=alert(1)> {{date}}");
    const inlines = letter.blocks.flatMap((b) => (b.type === "list" ? b.items.flat() : b.inlines));
    expect(inlines.some((i) => i.bold)).toBe(false);
    expect(letter.blocks.filter((b) => b.type === "list")).toHaveLength(1);
  });

  it("drops control characters and bidi overrides from supporter text", () => {
    const letter = renderLetter({ ...base, supporter: { ...base.supporter, name: "Ann\u0000a\u202E Smith\u0007" } });
    expect(letter.text.trim().endsWith("Anna Smith")).toBe(true);
  });

  it("signs with initials when asked", () => {
    expect(renderLetter({ ...base, signAs: "initials" }).text.trim().endsWith("Ә. Қ. Н.")).toBe(true);
    expect(initialsOf("Jean-Pierre  de Souza")).toBe("J.-P. D. S.");
    expect(initialsOf("zhanar sekerbayeva")).toBe("Z. S.");
  });

  it("works without the optional fields", () => {
    const letter = renderLetter({ ...base, recipient: { ...base.recipient, name: null }, personalNote: undefined, signAs: undefined });
    expect(letter.text).toContain("Your Excellency,");
  });

  it("writes the date in the letter's language", () => {
    const date = new Date("2025-02-28T12:00:00Z");
    expect(letterDate(date, "en")).toBe("28 February 2025");
    expect(letterDate(date, "fr")).toBe("28 février 2025");
    expect(letterDate(date, "ru")).toBe("28 февраля 2025 г.");
    expect(letterDate(date, "kk")).toMatch(/^2025 ж\. 28 ақпан$/);
  });

  it("uses the recipient's salutation and the country's name in the letter's language", () => {
    const letter = renderLetter({ ...base, language: "ru" });
    expect(letter.blocks[0]).toEqual({ type: "paragraph", inlines: [{ text: "Ваше Превосходительство," }] });
    expect(letter.text).toContain("Казахстан");
  });

  it("rotates the subject variants letter by letter", () => {
    const subjects = [0, 1, 2, 3, 4].map((subjectIndex) => renderLetter({ ...base, subjectIndex }).subject);
    expect(subjects).toEqual([
      "Appeal for Zhanar Sekerbayeva",
      "Please protect Zhanar Sekerbayeva",
      "Third variant",
      "Appeal for Zhanar Sekerbayeva",
      "Please protect Zhanar Sekerbayeva",
    ]);
  });

  it("keeps the wording of a recipient kind's section for that kind only", () => {
    const template = {
      subjects: ["Appeal"],
      body: [
        "{{recipient.salutation}},",
        "",
        "{{#recipient.kind.ambassador}}I ask you to convey these concerns to the authorities in Astana.{{/recipient.kind.ambassador}}",
        "{{^recipient.kind.ambassador}}I urge you to act.{{/recipient.kind.ambassador}}",
      ].join("\n"),
    };
    const toAmbassador = renderLetter({ ...base, template, recipient: { ...base.recipient, id: "kz-embassy-us", kind: "ambassador" } });
    const toPresident = renderLetter({ ...base, template, recipient: { ...base.recipient, kind: "head-of-state" } });
    expect(toAmbassador.text).toContain("convey these concerns");
    expect(toAmbassador.text).not.toContain("I urge you to act.");
    expect(toPresident.text).toContain("I urge you to act.");
    expect(toPresident.text).not.toContain("convey");
  });

  it("names the recipient in the letter's script where one is given, else as known", () => {
    const template = { subjects: ["x"], body: "{{recipient.name}}" };
    const names = { en: "Kassym-Jomart Tokayev", ru: "Касым-Жомарт Токаев" };
    const recipient = { ...base.recipient, names };
    expect(renderLetter({ ...base, template, recipient, language: "ru" }).text).toBe("Касым-Жомарт Токаев");
    expect(renderLetter({ ...base, template, recipient, language: "kk" }).text).toBe("Kassym-Jomart Tokayev");
  });
});
