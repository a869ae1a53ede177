import { describe, expect, it } from "vitest";
import { pruneEmpty } from "./prune-empty";

describe("pruneEmpty", () => {
  it("drops empty optional fields, unset numbers, blank lines and languages left wholly empty", () => {
    expect(
      pruneEmpty({ source: { organisation: "O", url: "" }, content: { en: { title: "T", summary: "S" }, fr: { title: "", summary: " " } }, caps: { hourlyCap: Number.NaN, dailyCap: 3 }, lines: ["a", "", "b"] }),
    ).toEqual({ source: { organisation: "O" }, content: { en: { title: "T", summary: "S" } }, caps: { dailyCap: 3 }, lines: ["a", "b"] });
  });
  it("keeps the empty fields of English and of a language that was started, for the schema to name", () => {
    expect(pruneEmpty({ content: { en: { title: "", summary: "S" }, fr: { title: "Titre", summary: "" } } })).toEqual({
      content: { en: { title: "", summary: "S" }, fr: { title: "Titre", summary: "" } },
    });
  });
  it("keeps a required object whose fields are all empty, so the schema names each field", () => {
    expect(pruneEmpty({ source: { organisation: "", title: "" } })).toEqual({ source: {} });
  });
  it("keeps English in a localized map and drops its empty other languages", () => {
    expect(pruneEmpty({ text: { en: "", fr: "", ru: undefined } })).toEqual({ text: { en: "" } });
  });
});
