/**
 * A letter as it is sent: the shapes shared by template rendering (lib/templates), the HTML preview, the PDF
 * (components/pdf) and delivery. All supporter text inside is plain text: never markup.
 */
import type { TLanguage } from "@/lib/i18n/languages";

/** A run of text; line breaks inside `text` are real line breaks (a supporter's note keeps its lines). */
export type TInline = { text: string; bold?: boolean; italic?: boolean };

export type TLetterBlock =
  | { type: "paragraph"; inlines: TInline[] }
  | { type: "list"; ordered: boolean; items: TInline[][] }
  | { type: "quote"; inlines: TInline[] };

export type TPaper = "A4" | "LETTER";

/** One letter to one recipient, ready to be laid out. */
export type TLetter = {
  recipientId: string;
  language: TLanguage;
  subject: string;
  /** From the salutation to the signature. */
  blocks: TLetterBlock[];
  /** The same letter as plain text (email body, mailto, JSON preview). */
  text: string;
};

/** One page-set of the PDF: a letter (its blocks; the plain text is kept beside it) with what goes around it. */
export type TLetterPage = Omit<TLetter, "text"> & {
  paper: TPaper;
  /** The sender block: the signature name (full name or initials), then postal address or city and country lines. */
  sender: string[];
  /** The date written in the letter's language, e.g. "28 февраля 2025 г.". */
  dateText: string;
  /** The recipient's address as it goes in the envelope window: name line(s), role, organisation, postal lines. */
  recipientAddress: string[];
  /** Small print at the bottom of each page, beside the page number: the writer's name (never the campaign's). */
  footer: string;
};

export type TLetterDocument = {
  /** PDF metadata. */
  title: string;
  author: string;
  language: TLanguage;
  letters: TLetterPage[];
};
