/**
 * Renders a letter template for one recipient (pure). The template is trusted Markdown with mustache placeholders
 * (lib/templates/placeholders.ts); supporter text is never parsed as Markdown, HTML or template syntax: each value is
 * put in as an opaque marker, the Markdown is parsed, and only then are the markers replaced by the literal text.
 */
import { marked, type Token, type Tokens } from "marked";
import Mustache from "mustache";
import type { TLocalized } from "@/lib/db/schema";
import type { TLanguage } from "@/lib/i18n/languages";
import { formatPartialDate } from "@/lib/i18n/localize";
import type { TInline, TLetter, TLetterBlock } from "@/lib/letters/types";
import { countryName } from "@/lib/schemas/countries";
import { recipientName } from "@/lib/campaigns/recipients";
import { RECIPIENT_KINDS, type TRecipientKind } from "./recipient-kinds";

export type TRenderLetterInput = {
  template: { subjects: string[]; body: string };
  language: TLanguage;
  recipient: {
    id: string;
    kind?: TRecipientKind | null;
    name: string | null;
    /** The name per language's script, where a source gives it. */
    names?: TLocalized | null;
    role: TLocalized;
    salutation: TLocalized;
  };
  /** The audience's demands in the letter's language. */
  demands: string[];
  campaignSubject: string;
  supporter: { name: string; city: string; country: string };
  signAs?: "full" | "initials";
  personalNote?: string;
  date: Date;
  /** Which subject variant this letter gets; letters rotate through them. */
  subjectIndex: number;
};

const MARK_OPEN = "\uE000";
const MARK_CLOSE = "\uE001";
const MARKER = /\uE000(\d+)\uE001/g;

/** Supporter text as plain text: no control characters, no bidi overrides, Unix line breaks. */
export function cleanText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uE000-\uF8FF]/g, "")
    .trim();
}

/** "Zhanar Sekerbayeva" → "Z. S."; "Jean-Pierre Dupont" → "J.-P. D."; works for any script. */
export function initialsOf(name: string): string {
  return cleanText(name)
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .split("-")
        .filter(Boolean)
        .map((part) => `${Array.from(part)[0]!.toLocaleUpperCase()}.`)
        .join("-"),
    )
    .join(" ");
}

/** The date of a letter, written in its language: "23 November 2026", "23 ноября 2026 г.". */
export function letterDate(date: Date, language: TLanguage): string {
  const key = `${date.toISOString().slice(0, 10)}:${language}`;
  let text = DATES.get(key);
  if (text === undefined) {
    text = formatPartialDate(key.slice(0, 10), language);
    if (DATES.size >= 64) DATES.clear();
    DATES.set(key, text);
  }
  return text;
}

/** Dates already written: the letters of a day all carry the same few. */
const DATES = new Map<string, string>();

function pickText(map: TLocalized, language: TLanguage): string {
  return map[language] ?? map.en;
}

export function renderLetter(input: TRenderLetterInput): TLetter {
  const literals: string[] = [];
  /** An opaque marker for a literal value; empty values stay empty so that {{#section}}s hide. */
  const literal = (value: string) => {
    const text = cleanText(value);
    if (text === "") return "";
    literals.push(text);
    return `${MARK_OPEN}${literals.length - 1}${MARK_CLOSE}`;
  };

  const signature = input.signAs === "initials" ? initialsOf(input.supporter.name) : input.supporter.name;
  const view = {
    recipient: {
      salutation: literal(pickText(input.recipient.salutation, input.language)),
      name: literal(recipientName(input.recipient, input.language) ?? ""),
      role: literal(pickText(input.recipient.role, input.language)),
      // Exactly one kind is true, so {{#recipient.kind.ambassador}} holds the wording for ambassadors only.
      kind: Object.fromEntries(RECIPIENT_KINDS.map((kind) => [kind, input.recipient.kind === kind])),
    },
    supporter: {
      name: literal(signature),
      city: literal(input.supporter.city),
      country: literal(countryName(input.supporter.country, input.language)),
    },
    personal: { note: literal(input.personalNote ?? "") },
    date: literal(letterDate(input.date, input.language)),
    // Trusted campaign text, written in as a Markdown list; each demand is still inserted literally.
    demands: input.demands.map((demand, i) => `${i + 1}. ${literal(demand)}`).join("\n"),
    campaign: { subject: literal(input.campaignSubject) },
  };
  // Values are markers or trusted Markdown: nothing to escape, and mustache's HTML escaping would corrupt text.
  const config = { escape: (s: string) => s };
  const markdown = Mustache.render(input.template.body, view, {}, config);
  const subjects = input.template.subjects;
  const subjectTemplate = subjects[((input.subjectIndex % subjects.length) + subjects.length) % subjects.length] ?? subjects[0] ?? "";
  const restore = (text: string) => text.replace(MARKER, (_, i: string) => literals[Number(i)] ?? "");

  const subject = restore(Mustache.render(subjectTemplate, view, {}, config)).replace(/\s+/g, " ").trim();
  const blocks = restoreBlocks(parseBlocks(markdown), restore);
  return { recipientId: input.recipient.id, language: input.language, subject, blocks, text: blocksToText(blocks) };
}

/**
 * Letters from one template differ only in their markers' values, so the Markdown (with markers) repeats from
 * letter to letter: it is parsed once and kept (a bounded number of variants per process).
 */
const parsed = new Map<string, TLetterBlock[]>();
const PARSED_MAX = 500;

function parseBlocks(markdown: string): TLetterBlock[] {
  let blocks = parsed.get(markdown);
  if (!blocks) {
    blocks = toBlocks(marked.lexer(markdown));
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(markdown, blocks);
  }
  return blocks;
}

/** A fresh copy of the parsed blocks with the supporter's (and the campaign's) literal text put back. */
function restoreBlocks(blocks: TLetterBlock[], restore: (s: string) => string): TLetterBlock[] {
  const inlines = (list: TInline[]) => list.map((inline) => ({ ...inline, text: restore(inline.text) }));
  return blocks.map((block) =>
    block.type === "list" ? { ...block, items: block.items.map(inlines) } : { ...block, inlines: inlines(block.inlines) },
  );
}

function toBlocks(tokens: Token[]): TLetterBlock[] {
  const blocks: TLetterBlock[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case "space":
      case "hr":
        break;
      case "list": {
        const list = token as Tokens.List;
        blocks.push({ type: "list", ordered: list.ordered, items: list.items.map((item) => toInlines(item.tokens)) });
        break;
      }
      case "blockquote":
        blocks.push({ type: "quote", inlines: toInlines((token as Tokens.Blockquote).tokens) });
        break;
      case "heading":
        blocks.push({ type: "paragraph", inlines: toInlines((token as Tokens.Heading).tokens).map((i) => ({ ...i, bold: true })) });
        break;
      default: {
        const withChildren = token as { tokens?: Token[]; text?: string; raw: string };
        const inlines = withChildren.tokens ? toInlines(withChildren.tokens) : [{ text: withChildren.text ?? withChildren.raw }];
        if (inlines.some((i) => i.text.trim() !== "")) blocks.push({ type: "paragraph", inlines: trimInlines(inlines) });
      }
    }
  }
  return blocks;
}

function toInlines(tokens: Token[], style: Omit<TInline, "text"> = {}): TInline[] {
  const out: TInline[] = [];
  for (const token of tokens) {
    const t = token as Token & { tokens?: Token[]; text?: string };
    if (t.type === "strong") out.push(...toInlines(t.tokens ?? [], { ...style, bold: true }));
    else if (t.type === "em") out.push(...toInlines(t.tokens ?? [], { ...style, italic: true }));
    else if (t.type === "br") out.push({ text: "\n", ...style });
    else if (t.type === "paragraph" || t.type === "text" || t.type === "link" || t.type === "del") {
      if (t.tokens && t.tokens.length > 0) out.push(...toInlines(t.tokens, style));
      else out.push({ text: t.text ?? t.raw, ...style });
    } else if (t.type === "space") out.push({ text: "\n", ...style });
    else if (t.type === "list") {
      // A nested list inside a list item: kept as its own lines.
      const list = t as unknown as Tokens.List;
      list.items.forEach((item, i) => {
        out.push({ text: `\n${list.ordered ? `${i + 1}.` : "•"} `, ...style }, ...toInlines(item.tokens, style));
      });
    } else out.push({ text: t.text ?? t.raw, ...style });
  }
  return mergeInlines(out);
}

/** Joins neighbouring runs of the same style. */
function mergeInlines(inlines: TInline[]): TInline[] {
  const out: TInline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (last && !!last.bold === !!inline.bold && !!last.italic === !!inline.italic) last.text += inline.text;
    else out.push({ ...inline });
  }
  return out;
}

function trimInlines(inlines: TInline[]): TInline[] {
  const out = inlines.map((i) => ({ ...i }));
  if (out[0]) out[0].text = out[0].text.replace(/^\s+/, "");
  const last = out[out.length - 1];
  if (last) last.text = last.text.replace(/\s+$/, "");
  return out.filter((i) => i.text !== "");
}

/** The letter as plain text: blank lines between blocks, numbered lists numbered. */
export function blocksToText(blocks: TLetterBlock[]): string {
  const join = (inlines: TInline[]) => inlines.map((i) => i.text).join("");
  return blocks
    .map((block) => {
      if (block.type === "list") return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "-"} ${join(item)}`).join("\n");
      if (block.type === "quote") return join(block.inlines).split("\n").map((l) => `> ${l}`).join("\n");
      return join(block.inlines);
    })
    .join("\n\n");
}
