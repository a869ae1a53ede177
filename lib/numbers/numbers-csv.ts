/**
 * The numbers and the news subscribers as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet apps read the accents).
 * A cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed
 * with an apostrophe: a supporter's name must not become a formula on a campaigner's computer.
 */
import "server-only";
import type { TCampaignNumbers } from "./campaign-numbers";
import type { TSubscriber } from "@/lib/news/list-subscribers";

export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: (string | number)[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export function numbersCsv(n: TCampaignNumbers): string {
  const rows: (string | number)[][] = [["section", "key", "label", "count"]];
  for (const d of n.perDay) rows.push(["sent per day", d.day, d.day, d.count]);
  for (const [section, list] of [
    ["audience", n.byAudience],
    ["recipient", n.byRecipient],
    ["channel", n.byChannel],
    ["language", n.byLanguage],
    ["partner", n.byPartner],
  ] as const) {
    for (const c of list) rows.push([section, c.key, c.label, c.count]);
  }
  for (const [key, count] of Object.entries(n.funnel)) rows.push(["funnel", key, key, count]);
  rows.push(["funnel", "confirmation rate", "email actions confirmed / email actions", n.confirmationRate === null ? "" : n.confirmationRate.toFixed(4)]);
  return csv(rows);
}

export function subscribersCsv(list: TSubscriber[]): string {
  return csv([["name", "email", "language", "consent_date"], ...list.map((s) => [s.name, s.email, s.language, s.consentedAt.toISOString().slice(0, 10)])]);
}
