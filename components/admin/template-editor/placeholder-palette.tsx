"use client";
import { PLACEHOLDERS, type TPlaceholder } from "@/lib/templates/placeholders";

const KIND_WORDS: Record<string, string> = {
  "head-of-state": "heads of state",
  minister: "ministers",
  "parliamentary-secretary": "parliamentary secretaries",
  ambassador: "ambassadors",
  "member-of-parliament": "members of parliament",
};

/** What each placeholder becomes in a letter, and what the button puts in (a section where one is the usual shape). */
function describe(p: TPlaceholder): { text: string; insert: string } {
  const tag = `{{${p}}}`;
  switch (p) {
    case "recipient.salutation":
      return { text: "The recipient's salutation in the letter's language (“Dear Minister”).", insert: tag };
    case "recipient.name":
      return { text: "The recipient's name, in the letter's script where known.", insert: tag };
    case "recipient.role":
      return { text: "The recipient's office (“Minister of Foreign Affairs”).", insert: tag };
    case "supporter.name":
      return { text: "The supporter's name, or their initials when they sign so.", insert: tag };
    case "supporter.city":
      return { text: "The supporter's city.", insert: tag };
    case "supporter.country":
      return { text: "The supporter's country, named in the letter's language.", insert: tag };
    case "personal.note":
      return { text: "The supporter's own words; inserted inside a section, so nothing shows when they wrote none.", insert: "{{#personal.note}}\n{{personal.note}}\n{{/personal.note}}" };
    case "date":
      return { text: "The day the letter is written, in the letter's language.", insert: tag };
    case "demands":
      return { text: "The audience's demands in this language, as a numbered list (on a line of its own).", insert: tag };
    case "campaign.subject":
      return { text: "Who the campaign is about (the campaign's subject).", insert: tag };
    default: {
      const kind = p.replace("recipient.kind.", "");
      return { text: `Wording only for ${KIND_WORDS[kind] ?? kind}: a section to write it in.`, insert: `{{#${p}}}\n\n{{/${p}}}` };
    }
  }
}

/** A button per placeholder that inserts it at the body's cursor, each with what it stands for. */
export function PlaceholderPalette({ onInsert, disabled }: { onInsert(text: string): void; disabled: boolean }) {
  return (
    <section className="template-palette" aria-labelledby="palette-heading">
      <h3 id="palette-heading">Placeholders</h3>
      <p className="field__hint">Each button puts its placeholder in the body at the cursor.</p>
      <ul>
        {PLACEHOLDERS.map((p) => {
          const { text, insert } = describe(p);
          const id = `placeholder-${p.replace(/\./g, "-")}`;
          return (
            <li key={p}>
              <button type="button" className="button--quiet" aria-describedby={id} disabled={disabled} onClick={() => onInsert(insert)}>
                {`{{${p}}}`}
              </button>{" "}
              <span id={id}>{text}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
