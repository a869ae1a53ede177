import { describe, expect, it } from "vitest";
import { checkTemplate } from "./placeholders";

describe("checkTemplate", () => {
  it("accepts the documented placeholders and sections", () => {
    const body = "{{recipient.salutation}},\n\n{{demands}}\n\n{{#personal.note}}\n{{personal.note}}\n{{/personal.note}}\n{{supporter.name}}\n";
    expect(checkTemplate(body)).toEqual([]);
  });

  it("names an unknown placeholder and its line", () => {
    const problems = checkTemplate("Dear {{recipient.salutation}},\n\nline two\n{{supporter.nmae}}\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 4 });
    expect(problems[0]!.message).toContain('unknown placeholder "{{supporter.nmae}}"');
  });

  it("checks placeholders inside sections, and refuses partials and delimiter changes", () => {
    expect(checkTemplate("{{#personal.note}}{{oops}}{{/personal.note}}")[0]!.message).toContain("{{oops}}");
    expect(checkTemplate("{{> header}}")[0]!.message).toContain("not allowed");
    expect(checkTemplate("{{=<% %>=}}")[0]!.message).toContain("not allowed");
  });

  it("reports an unclosed section with its line", () => {
    const problems = checkTemplate("one\ntwo\n{{#personal.note}}\nthree");
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/Unclosed section/);
  });
});
