import { describe, expect, it } from "vitest";
import { LANGUAGES } from "./languages";
import { CATALOGS } from "./messages";

type TTree = { [key: string]: string | TTree };

function flatten(tree: TTree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments a message uses ({count}, {organisation}, …), without plural branches' text. */
function argumentsOf(message: string): string[] {
  return [...message.matchAll(/\{\s*([a-zA-Z]+)\s*[,}]/g)].map((m) => m[1]!).filter((v, i, all) => all.indexOf(v) === i).sort();
}

const english = flatten(CATALOGS.en as unknown as TTree);

describe.each(LANGUAGES.filter((l) => l !== "en"))("the %s catalog", (language) => {
  const catalog = flatten(CATALOGS[language] as unknown as TTree);

  it("has every key of the English catalog, and no other", () => {
    expect([...catalog.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !catalog.has(k))).toEqual([]);
  });

  it("uses the same arguments in every message", () => {
    for (const [key, message] of english) {
      expect({ key, args: argumentsOf(catalog.get(key) ?? "") }).toEqual({ key, args: argumentsOf(message) });
    }
  });

  it("is translated, not a copy of English", () => {
    const same = [...english].filter(([key, value]) => catalog.get(key) === value && /[a-z]{4}/.test(value) && key !== "site.name");
    expect(same.length).toBeLessThan(english.size / 10);
  });
});
