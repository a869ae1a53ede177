/**
 * The fixed list of placeholders a letter template may use (documented in templates/README.md), and the check that
 * runs when a template is loaded or saved, so a typo is caught then rather than at send time.
 */
import Mustache from "mustache";
import { RECIPIENT_KINDS } from "./recipient-kinds";

export const PLACEHOLDERS = [
  "recipient.salutation",
  "recipient.name",
  "recipient.role",
  "supporter.name",
  "supporter.city",
  "supporter.country",
  "personal.note",
  "date",
  "demands",
  "campaign.subject",
  // Sections that hold wording for one kind of reader: {{#recipient.kind.ambassador}}…{{/recipient.kind.ambassador}}.
  ...RECIPIENT_KINDS.map((kind) => `recipient.kind.${kind}` as const),
] as const;
export type TPlaceholder = (typeof PLACEHOLDERS)[number];

export type TTemplateProblem = { line: number; message: string };

type TToken = [type: string, value: string, start: number, end: number, children?: TToken[]];

/** Lists every problem in a template body: unknown placeholders, partials, delimiter changes, broken sections. */
export function checkTemplate(body: string): TTemplateProblem[] {
  const lineOf = (index: number) => body.slice(0, index).split("\n").length;
  let tokens: TToken[];
  try {
    tokens = Mustache.parse(body) as TToken[];
  } catch (error) {
    // Mustache reports unclosed sections as "Unclosed section "x" at 123".
    const message = error instanceof Error ? error.message : String(error);
    const at = /at (\d+)/.exec(message);
    return [{ line: at ? lineOf(Number(at[1])) : 1, message }];
  }
  const problems: TTemplateProblem[] = [];
  const visit = (list: TToken[]) => {
    for (const [type, value, start, , children] of list) {
      if (type === "text" || type === "!") continue;
      if (type === ">" || type === "=") {
        problems.push({ line: lineOf(start), message: `"{{${type}${value}}}" is not allowed in a letter template` });
        continue;
      }
      if (!(PLACEHOLDERS as readonly string[]).includes(value)) {
        problems.push({
          line: lineOf(start),
          message: `unknown placeholder "{{${value}}}"; allowed: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}`,
        });
      }
      if (children) visit(children);
    }
  };
  visit(tokens);
  return problems;
}
