import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import YAML from "yaml";
import { FLD_DEMANDS, VERIFIED_EMAILS } from "@/e2e/fixtures/seed-facts";
import { ContentError, loadContent, type TContentProblem } from "./load-content";

const TEMPLATES = path.join(process.cwd(), "templates");

const copies: string[] = [];
async function copyTemplates(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ul-templates-"));
  copies.push(dir);
  await fs.cp(TEMPLATES, dir, { recursive: true });
  return dir;
}
afterEach(async () => {
  await Promise.all(copies.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

async function editYaml(file: string, edit: (data: Record<string, unknown>) => void) {
  const data = YAML.parse(await fs.readFile(file, "utf8")) as Record<string, unknown>;
  edit(data);
  await fs.writeFile(file, YAML.stringify(data));
}

async function problemsOf(dir: string): Promise<TContentProblem[]> {
  try {
    await loadContent(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map((p) => ({ ...p, file: path.relative(dir, path.resolve(p.file)) }));
    throw error;
  }
  throw new Error("the load succeeded");
}

describe("the content files in templates/", () => {
  it("load without a problem", async () => {
    const content = await loadContent(TEMPLATES);
    expect(content.campaigns.map((c) => c.campaign.slug).sort()).toEqual(["dnc-sekerbayeva-charges", "fld-sekerbayeva-2025"]);
  });

  it("carry the four demands of the Front Line Defenders appeal word for word", async () => {
    const content = await loadContent(TEMPLATES);
    const fld = content.campaigns.find((c) => c.campaign.slug === "fld-sekerbayeva-2025")!;
    const audience = fld.campaign.audiences.find((a) => a.id === "kazakhstan-authorities")!;
    const strip = (s: string) => s.trim().replace(/[;.]$/, "");
    expect(audience.demands.en.map(strip)).toEqual(FLD_DEMANDS.map(strip));
  });

  it("have the letter templates each audience needs", async () => {
    const content = await loadContent(TEMPLATES);
    const languages = (slug: string, audience: string) =>
      content.campaigns
        .find((c) => c.campaign.slug === slug)!
        .letters.filter((l) => l.audienceId === audience)
        .map((l) => l.language)
        .sort();
    expect(languages("fld-sekerbayeva-2025", "kazakhstan-authorities")).toEqual(["en", "kk", "ru"]);
    expect(languages("dnc-sekerbayeva-charges", "kazakhstan-authorities")).toEqual(["en", "kk", "ru"]);
    expect(languages("dnc-sekerbayeva-charges", "canada-government")).toEqual(["en", "fr"]);
    // Nothing but English was reviewed by a fluent human yet.
    for (const bundle of content.campaigns) {
      for (const letter of bundle.letters) expect({ file: letter.file, review: letter.review }).toEqual({ file: letter.file, review: letter.language === "en" ? undefined : "needed" });
    }
  });

  it("give an email only where one was verified; everyone else is post-only", async () => {
    const content = await loadContent(TEMPLATES);
    for (const recipient of content.recipients) {
      expect({ id: recipient.id, email: recipient.email }).toEqual({ id: recipient.id, email: VERIFIED_EMAILS[recipient.id] });
      expect(recipient.channels.includes("email")).toBe(recipient.id in VERIFIED_EMAILS);
      expect(recipient.source.length).toBeGreaterThan(0);
    }
  });
});

describe("a broken content file stops the load, naming the file and the field", () => {
  it("an unknown field", async () => {
    const dir = await copyTemplates();
    await editYaml(path.join(dir, "recipients/kz-president.yaml"), (d) => {
      d.telephone = "+7 000";
    });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: "recipients/kz-president.yaml", field: "(file)", message: expect.stringContaining("telephone") }));
  });

  it("a missing salutation", async () => {
    const dir = await copyTemplates();
    await editYaml(path.join(dir, "recipients/kz-embassy-uk.yaml"), (d) => {
      delete d.salutation;
    });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: "recipients/kz-embassy-uk.yaml", field: "salutation" }));
  });

  it("a salutation missing in a language a letter is written in", async () => {
    const dir = await copyTemplates();
    await editYaml(path.join(dir, "recipients/kz-president.yaml"), (d) => {
      delete (d.salutation as Record<string, string>).kk;
    });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: "recipients/kz-president.yaml", field: "salutation.kk" }));
  });

  it("a bad date", async () => {
    const dir = await copyTemplates();
    await editYaml(path.join(dir, "recipients/ca-mp-chong.yaml"), (d) => {
      d.verifiedOn = "2026-02-30";
    });
    await editYaml(path.join(dir, "campaigns/fld-sekerbayeva-2025/campaign.yaml"), (d) => {
      (d.timeline as { date: string }[])[0]!.date = "28 Feb 2025";
    });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: "recipients/ca-mp-chong.yaml", field: "verifiedOn", message: expect.stringContaining("YYYY-MM-DD") }));
    expect(problems).toContainEqual(expect.objectContaining({ file: "campaigns/fld-sekerbayeva-2025/campaign.yaml", field: "timeline.0.date" }));
  });

  it("an unknown placeholder in a letter, with its line in the file", async () => {
    const dir = await copyTemplates();
    const file = path.join(dir, "campaigns/fld-sekerbayeva-2025/letters/kazakhstan-authorities.en.md");
    const source = await fs.readFile(file, "utf8");
    const lines = source.split("\n");
    lines.splice(lines.length - 2, 0, "{{supporter.phone}}");
    await fs.writeFile(file, lines.join("\n"));
    const problems = await problemsOf(dir);
    const lineNumber = lines.indexOf("{{supporter.phone}}") + 1;
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: "campaigns/fld-sekerbayeva-2025/letters/kazakhstan-authorities.en.md",
        field: `line ${lineNumber}`,
        message: expect.stringContaining("{{supporter.phone}}"),
      }),
    );
  });

  it("a recipient the directory does not have, and an email channel without an email", async () => {
    const dir = await copyTemplates();
    await editYaml(path.join(dir, "campaigns/dnc-sekerbayeva-charges/campaign.yaml"), (d) => {
      (d.audiences as { recipients: string[] }[])[0]!.recipients.push("kz-nobody");
    });
    await editYaml(path.join(dir, "recipients/kz-embassy-us.yaml"), (d) => {
      d.channels = ["email", "post"];
    });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: "campaigns/dnc-sekerbayeva-charges/campaign.yaml", field: "audiences.0.recipients.3" }));
    expect(problems).toContainEqual(expect.objectContaining({ file: "recipients/kz-embassy-us.yaml", field: "channels", message: expect.stringContaining("verified email") }));
  });

  it("a case status without the date it was last checked", async () => {
    const dir = await copyTemplates();
    await editYaml(path.join(dir, "campaigns/dnc-sekerbayeva-charges/campaign.yaml"), (d) => {
      delete (d.caseStatus as Record<string, unknown>).asOf;
    });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: "campaigns/dnc-sekerbayeva-charges/campaign.yaml", field: "caseStatus.asOf" }));
  });

  it("a campaign without a case status", async () => {
    const dir = await copyTemplates();
    await editYaml(path.join(dir, "campaigns/dnc-sekerbayeva-charges/campaign.yaml"), (d) => {
      delete d.caseStatus;
    });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: "campaigns/dnc-sekerbayeva-charges/campaign.yaml", field: "caseStatus" }));
  });

  it("an update without a source", async () => {
    const dir = await copyTemplates();
    await editYaml(path.join(dir, "campaigns/fld-sekerbayeva-2025/campaign.yaml"), (d) => {
      delete (d.updates as Record<string, unknown>[])[0]!.source;
    });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: "campaigns/fld-sekerbayeva-2025/campaign.yaml", field: "updates.0.source", message: expect.stringContaining("source") }),
    );
  });

  it("an unknown recipient kind", async () => {
    const dir = await copyTemplates();
    await editYaml(path.join(dir, "recipients/kz-embassy-uk.yaml"), (d) => {
      d.kind = "consul";
    });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: "recipients/kz-embassy-uk.yaml", field: "kind", message: expect.stringContaining("ambassador") }),
    );
  });

  it("a status link that is not https:// or a page of the site, and a date interval that runs backwards", async () => {
    const dir = await copyTemplates();
    await editYaml(path.join(dir, "campaigns/dnc-sekerbayeva-charges/campaign.yaml"), (d) => {
      (d.caseStatus as { text: Record<string, string> }).text.en = "See [this](javascript:alert(1)).";
      (d.timeline as { date: string }[])[0]!.date = "2026/2025-11";
    });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: "campaigns/dnc-sekerbayeva-charges/campaign.yaml", field: "caseStatus.text.en" }));
    expect(problems).toContainEqual(expect.objectContaining({ file: "campaigns/dnc-sekerbayeva-charges/campaign.yaml", field: "timeline.0.date" }));
  });
});

describe("the case as the content tells it (shared/research/case-facts-2026-12.md)", () => {
  it("closes the Front Line Defenders campaign with her release and a pointer to the criminal case", async () => {
    const content = await loadContent(TEMPLATES);
    const fld = content.campaigns.find((c) => c.campaign.slug === "fld-sekerbayeva-2025")!.campaign;
    expect(fld.status).toBe("closed");
    const closing = [...(fld.updates ?? [])].sort((a, b) => b.date.localeCompare(a.date))[0]!;
    expect(closing.text.en).toMatch(/released/i);
    expect(closing.text.en).toContain("10 March 2025");
    expect(closing.text.en).toContain("(/c/dnc-sekerbayeva-charges)");
    expect(closing.source).toContain("azattyq.org");
    expect(fld.caseStatus.asOf).toBe("2026-12-01");
  });

  it("keeps the Dignity Network Canada campaign live, saying no later stage of the case was found", async () => {
    const content = await loadContent(TEMPLATES);
    const dnc = content.campaigns.find((c) => c.campaign.slug === "dnc-sekerbayeva-charges")!.campaign;
    expect(dnc.status).toBe("live");
    expect(dnc.caseStatus.asOf).toBe("2026-12-01");
    expect(dnc.caseStatus.text.en).toMatch(/no later stage|not found|no .*found/i);
  });

  it("dates the law's three steps apart: Mazhilis, Senate, signature", async () => {
    const content = await loadContent(TEMPLATES);
    for (const bundle of content.campaigns) {
      const dates = bundle.campaign.timeline.map((e) => e.date);
      expect({ slug: bundle.campaign.slug, dates }).toEqual({ slug: bundle.campaign.slug, dates: expect.arrayContaining(["2025-11-12", "2025-12-18", "2025-12-30"]) });
      expect(dates).not.toContain("2025-11");
    }
  });

  it("gives every recipient a kind, the embassies the countries they serve, and the President his name in Cyrillic", async () => {
    const content = await loadContent(TEMPLATES);
    const byId = new Map(content.recipients.map((r) => [r.id, r]));
    for (const r of content.recipients) expect(r.kind).toBeTruthy();
    expect(byId.get("kz-embassy-uk")!.servesCountries).toEqual(["GB", "IE"]);
    expect(byId.get("kz-embassy-us")!.servesCountries).toEqual(["US"]);
    expect(byId.get("kz-president")!.name).toMatchObject({ en: "Kassym-Jomart Tokayev", ru: "Касым-Жомарт Токаев", kk: "Қасым-Жомарт Тоқаев" });
    expect(byId.get("kz-embassy-uk")!.address![0]).toBe("Embassy of the Republic of Kazakhstan");
    for (const id of Object.keys(VERIFIED_EMAILS)) expect({ id, emailCheck: byId.get(id)!.emailCheck }).toEqual({ id, emailCheck: "needed" });
  });

  it("writes Russian and Kazakh salutations with their exclamation mark, and no comma after it in those letters", async () => {
    const content = await loadContent(TEMPLATES);
    for (const bundle of content.campaigns) {
      for (const letter of bundle.letters.filter((l) => l.language === "ru" || l.language === "kk")) {
        expect({ file: letter.file, comma: letter.body.includes("{{recipient.salutation}},") }).toEqual({ file: letter.file, comma: false });
        const audience = bundle.campaign.audiences.find((a) => a.id === letter.audienceId)!;
        for (const id of audience.recipients) {
          const salutation = content.recipients.find((r) => r.id === id)!.salutation[letter.language]!;
          expect({ id, salutation, ends: salutation.endsWith("!") }).toEqual({ id, salutation, ends: true });
        }
      }
    }
  });
});
