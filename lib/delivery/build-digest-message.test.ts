import { describe, expect, it } from "vitest";
import { testPage } from "@/test/delivery/seed";
import { blocksToText } from "@/lib/templates/render-letter";
import { buildDigestMessage, digestLanguage, type TDigestEntry } from "./build-digest-message";
import { LetterMessageError } from "./message-parts";

const pdf = Buffer.from("%PDF-1.4 test");
const settings = { mailFrom: "letters@urgent-letters.org", organisationName: "Urgent Letters" };
const recipient = { id: "minister-kz", email: "minister@gov.example", name: "Minister of Examples" };

function entry(i: number, language: string, extra: { test?: boolean; testTo?: string } = {}): TDigestEntry {
  const page = testPage({ recipientId: recipient.id, subject: "Free her", text: `Letter ${i}.`, signature: `Supporter ${i}` });
  return {
    letter: { id: `00000000-0000-4000-8000-00000000000${i}`, subject: "Free her", body: blocksToText(page.blocks), page, language, recipientId: recipient.id, ...extra },
    action: { supporterName: `Supporter ${i}`, signAs: "full", city: "Almaty", country: "KZ" },
  };
}

const build = (entries: TDigestEntry[]) => buildDigestMessage({ digestId: "d1", entries, recipient, settings, pdf, date: new Date("2026-03-02T10:00:00Z") });

describe("the daily digest's language", () => {
  it("is the language most of its letters are written in", () => {
    expect(digestLanguage([entry(1, "ru"), entry(2, "kk"), entry(3, "ru")])).toBe("ru");
    // A tie goes to the first letter's language; an unknown one to English.
    expect(digestLanguage([entry(1, "kk"), entry(2, "ru")])).toBe("kk");
    expect(digestLanguage([entry(1, "de")])).toBe("en");
  });

  it("writes the cover text, the subject and the countries in Russian for Russian letters", () => {
    const mail = build([entry(1, "ru"), entry(2, "ru"), entry(3, "en")]);
    expect(mail.subject).toBe("3 письма: Free her");
    expect(mail.text).toContain("3 человека написали вам через Urgent Letters по поводу: Free her");
    expect(mail.text).toContain("Все 3 письма находятся в приложенном PDF");
    expect(mail.text).toContain("Ответы на это сообщение получит Urgent Letters.");
    expect(mail.text).toContain("1. Supporter 1, Almaty (Казахстан)");
    expect(String(mail.html)).toContain('<html lang="ru">');
  });

  it("in Kazakh, French and English", () => {
    expect(build([entry(1, "kk"), entry(2, "kk")]).text).toContain("2 адам сізге Urgent Letters арқылы мына тақырып бойынша жазды: Free her");
    const french = build([entry(1, "fr"), entry(2, "fr")]);
    expect(french.subject).toBe("2 lettres : Free her");
    expect(french.text).toContain("2 personnes vous ont écrit par l’intermédiaire de Urgent Letters au sujet de : Free her");
    const english = build([entry(1, "en")]);
    expect(english.subject).toBe("Free her");
    expect(english.text).toContain("One person wrote to you through Urgent Letters about: Free her");
    expect(english.text).toContain("All of it is in the attached PDF");
  });

  it("goes to the campaigner in test mode, and refuses to mix test letters with real ones", () => {
    const test = { test: true, testTo: "campaigner@organisation.example" };
    const mail = build([entry(1, "en", test), entry(2, "en", test)]);
    expect(mail.to).toBe("campaigner@organisation.example");
    expect(mail.envelope).toMatchObject({ to: "campaigner@organisation.example" });
    expect(mail.subject).toBe("[TEST] 2 letters: Free her");
    expect(() => build([entry(1, "en", test), entry(2, "en")])).toThrow(LetterMessageError);
  });
});
