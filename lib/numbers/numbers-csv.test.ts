import { describe, expect, it } from "vitest";
import { csvCell, subscribersCsv } from "./numbers-csv";

describe("CSV cells", () => {
  it("quotes separators and quotes, and keeps a spreadsheet from running a name as a formula", () => {
    expect(csvCell("Asem, Almaty")).toBe('"Asem, Almaty"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+7 701")).toBe("'+7 701");
    expect(csvCell("@me")).toBe("'@me");
    expect(csvCell(-3)).toBe("-3");
  });

  it("lists subscribers with their language and day of consent, a BOM first", () => {
    const csv = subscribersCsv([{ actionId: "a", name: "Camille Fictive", email: "camille@example.org", mailbox: "camille@example.org", language: "fr", consentedAt: new Date("2026-03-01T12:00:00Z") }]);
    expect(csv).toBe("\uFEFFname,email,language,consent_date\r\nCamille Fictive,camille@example.org,fr,2026-03-01\r\n");
  });
});
