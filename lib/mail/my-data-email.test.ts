import { describe, expect, it } from "vitest";
import { LANGUAGES } from "@/lib/i18n/languages";
import { buildMyDataEmail } from "./my-data-email";

describe("the data-link email", () => {
  it.each(LANGUAGES)("in %s, gives the link in both bodies and says what ignoring it does", (language) => {
    const linkUrl = "https://letters.example.org/privacy/my-data/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    const email = buildMyDataEmail({ language, organisation: "Urgent Letters", linkUrl });
    expect(email.subject).toContain("Urgent Letters");
    expect(email.text).toContain(linkUrl);
    expect(email.html).toContain(`href="${linkUrl}"`);
    expect(email.html).toContain(`lang="${language}"`);
    expect(email.text).toContain("24");
  });

  it("escapes what it puts in the html", () => {
    const email = buildMyDataEmail({ language: "en", organisation: "<b>Org</b> & co", linkUrl: 'https://x.example/"><script>' });
    expect(email.html).not.toContain("<b>Org</b>");
    expect(email.html).not.toContain('"><script>');
    expect(email.html).toContain("&#60;b&#62;Org&#60;/b&#62; &#38; co");
  });
});
