import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json" with { type: "json" };
import { CaseStatus } from "./case-status";

const status = { asOf: "2026-08-01", text: { en: "She is a suspect; see [the case](/c/dnc-sekerbayeva-charges)." } };
const updates = [
  { date: "2025-12-30", text: { en: "The law is signed." }, source: "TASS; https://tass.com/world/2067031" },
  { date: "2026-03", text: { en: "A later step." }, source: "A report" },
];

describe("the case status block", () => {
  it("warns that a status older than 90 days was not checked since", () => {
    const html = renderToStaticMarkup(<CaseStatus status={status} updates={[]} closed={false} language="en" now={new Date("2026-12-01T09:00:00Z")} />);
    expect(html).toContain('id="case-status"');
    expect(html).toContain(en.campaign.statusStale.replace("{date}", "1 August 2026"));
    expect(html).not.toContain("Last checked on");
  });

  it("says when a fresh status was checked, links its text, and lists updates newest first with their sources", () => {
    const html = renderToStaticMarkup(<CaseStatus status={status} updates={updates} closed={false} language="en" now={new Date("2026-08-15T09:00:00Z")} />);
    expect(html).toContain(en.campaign.statusAsOf.replace("{date}", "1 August 2026"));
    expect(html).not.toContain("Not checked since");
    expect(html).toContain('<a href="/c/dnc-sekerbayeva-charges">the case</a>');
    expect(html.indexOf("A later step.")).toBeLessThan(html.indexOf("The law is signed."));
    expect(html).toContain('<a href="https://tass.com/world/2067031" rel="noopener noreferrer">tass.com/world/2067031</a>');
    expect(html).toContain("Sources:");
  });

  it("says so when no status was recorded, and drops raw HTML from the text", () => {
    const none = renderToStaticMarkup(<CaseStatus status={null} updates={[]} closed language="en" now={new Date()} />);
    expect(none).toContain(en.campaign.statusMissing);
    expect(none).toContain(en.campaign.status_closed);
    const html = renderToStaticMarkup(
      <CaseStatus status={{ asOf: "2026-12-01", text: { en: 'Text <img src=x onerror="alert(1)"> end' } }} updates={[]} closed={false} language="en" now={new Date("2026-12-01T09:00:00Z")} />,
    );
    expect(html).not.toContain("<img");
    expect(html).toContain("end");
  });
});
