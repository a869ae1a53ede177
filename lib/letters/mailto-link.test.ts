import { describe, expect, it } from "vitest";
import { MAILTO_MAX, mailtoLink } from "./mailto-link";

describe("mailtoLink", () => {
  it("puts a short letter in the link, with the address, the subject and CRLF line breaks", () => {
    const { href, withBody } = mailtoLink("Anita.Anand@parl.gc.ca", "Zhanar Sekerbayeva", "Dear Minister,\n\nPlease act.");
    expect(withBody).toBe(true);
    expect(href).toBe("mailto:Anita.Anand@parl.gc.ca?subject=Zhanar%20Sekerbayeva&body=Dear%20Minister%2C%0D%0A%0D%0APlease%20act.");
  });

  it("keeps a link of exactly MAILTO_MAX characters whole, and leaves the body out of one a character longer", () => {
    const base = mailtoLink("a@example.org", "S", "").href.length;
    const fits = "a".repeat(MAILTO_MAX - base);
    expect(mailtoLink("a@example.org", "S", fits)).toMatchObject({ withBody: true });
    expect(mailtoLink("a@example.org", "S", fits).href).toHaveLength(MAILTO_MAX);
    expect(mailtoLink("a@example.org", "S", `${fits}a`)).toEqual({ href: "mailto:a@example.org?subject=S", withBody: false });
    // The bench (bench/mailto-limits.ts) asks for longer links than the site ever makes.
    expect(mailtoLink("a@example.org", "S", `${fits}a`, Infinity).withBody).toBe(true);
  });

  it("leaves a long letter out of the link but keeps the address and the subject", () => {
    const body = "Уважаемый господин Президент! ".repeat(40);
    const { href, withBody } = mailtoLink("a@example.org", "Жанар Секербаева", body);
    expect(withBody).toBe(false);
    expect(href).toBe(`mailto:a@example.org?subject=${encodeURIComponent("Жанар Секербаева")}`);
    expect(href.length).toBeLessThanOrEqual(MAILTO_MAX);
  });
});
