import { describe, expect, it } from "vitest";
import { embedTheme, embedThemeCss, inkOn } from "./embed-theme-css";

describe("the embed's theme", () => {
  it("keeps the valid values of data-theme over the partner's, and drops the others one by one", () => {
    expect(embedTheme('{"accent":"#8a1538","radius":"6px"}', { fontScale: 1.125, accent: "#000" })).toEqual({ accent: "#8a1538", radius: "6px", fontScale: 1.125 });
    expect(embedTheme('{"accent":"red;}body{display:none","radius":"6px","fontScale":9}', { accent: "#123456" })).toEqual({ accent: "#123456", radius: "6px" });
    expect(embedTheme("not json", null)).toEqual({});
    expect(embedTheme('["#fff"]', undefined)).toEqual({});
    expect(embedTheme('{"__proto__":{"accent":"#fff"}}', undefined)).toEqual({});
  });

  it("writes CSS variables of the validated values only", () => {
    expect(embedThemeCss({})).toBe("");
    const css = embedThemeCss({ accent: "#8a1538", radius: "6px", fontScale: 1.125 });
    expect(css).toContain("--accent:#8a1538");
    expect(css).toContain("--radius:6px");
    expect(css).toContain("--accent-ink:#ffffff");
    expect(css).toContain("html{font-size:112.5%}");
  });

  it("puts dark text on a light accent and white on a dark one", () => {
    expect(inkOn("#ffd700")).toBe("#111111");
    expect(inkOn("#8a1538")).toBe("#ffffff");
    expect(inkOn("#fff")).toBe("#111111");
  });
});
