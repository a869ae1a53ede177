/**
 * Realistic sample letters for the PDF tests, the benchmark and visual checks: a supporter in Almaty writes about the
 * detained woman human rights defender Zhanar Sekerbayeva. The recipients' postal addresses are illustrative.
 */
import type { TLanguage } from "@/lib/i18n/languages";
import type { TInline, TLetterBlock, TLetterDocument, TLetterPage, TPaper } from "@/lib/letters/types";

export const SAMPLE_SUPPORTER_NAME = "Әсем Қайратқызы Нұрланова";
export const SAMPLE_SALUTATION = "Your Excellency,";
export const SAMPLE_CLOSING = "Respectfully,";

/** The four demands of the appeal, word for word. */
export const SAMPLE_DEMANDS = [
  "Immediately and unconditionally release woman human rights defender Zhanar Sekerbayeva from detention and ensure full acquittal;",
  "Take all necessary measures to guarantee the physical and psychological integrity and security of Zhanar Sekerbayeva;",
  "Refrain from using administrative or any other form of detention and intimidation to silence women human rights defenders and prevent their participation in peaceful protests in Kazakhstan;",
  "Guarantee in all circumstances that all human rights defenders in Kazakhstan are able to carry out their legitimate human rights activities without fear of reprisals and free of all restrictions including judicial harassment.",
] as const;

/** Ten distinct recipients (name/role, organisation, postal lines), for documents of up to ten letters. */
export const SAMPLE_RECIPIENTS: readonly { id: string; address: readonly string[] }[] = [
  {
    id: "embassy-gb",
    address: ["Ambassador of the Republic of Kazakhstan", "Embassy of the Republic of Kazakhstan", "Kazakhstan House", "125 Pall Mall", "London SW1Y 5EA", "United Kingdom"],
  },
  {
    id: "president",
    address: ["President of the Republic of Kazakhstan", "Akorda Presidential Residence", "Mangilik El Avenue", "Astana 010000", "Kazakhstan"],
  },
  {
    id: "prosecutor-general",
    address: ["Prosecutor General of the Republic of Kazakhstan", "Office of the Prosecutor General", "14 Mangilik El Avenue", "Astana 010000", "Kazakhstan"],
  },
  {
    id: "interior-minister",
    address: ["Minister of Internal Affairs", "Ministry of Internal Affairs of the Republic of Kazakhstan", "1 Tauelsizdik Avenue", "Astana 010000", "Kazakhstan"],
  },
  {
    id: "ombudsperson",
    address: ["Commissioner for Human Rights", "in the Republic of Kazakhstan", "House of Ministries, Entrance 8", "Astana 010000", "Kazakhstan"],
  },
  {
    id: "embassy-us",
    address: ["Ambassador of the Republic of Kazakhstan", "Embassy of the Republic of Kazakhstan", "1401 16th Street NW", "Washington, DC 20036", "United States of America"],
  },
  {
    id: "embassy-fr",
    address: ["Ambassadeur de la République du Kazakhstan", "Ambassade de la République du Kazakhstan", "59, rue Pierre Charron", "75008 Paris", "France"],
  },
  {
    id: "embassy-de",
    address: ["Botschafter der Republik Kasachstan", "Botschaft der Republik Kasachstan", "Nordendstraße 14–17", "13156 Berlin", "Deutschland"],
  },
  {
    id: "mission-geneva",
    address: ["Permanent Representative of the Republic of Kazakhstan", "to the United Nations Office at Geneva", "Rue de Lausanne 61", "1202 Genève", "Switzerland"],
  },
  {
    id: "embassy-ru",
    address: ["Чрезвычайному и Полномочному Послу", "Республики Казахстан", "Посольство Республики Казахстан", "Чистопрудный бульвар, 3А", "101000 Москва", "Россия"],
  },
];

const DATE_TEXT: Record<TLanguage, string> = {
  en: "28 February 2025",
  fr: "28 février 2025",
  ru: "28 февраля 2025 г.",
  kk: "2025 жылғы 28 ақпан",
};

const SUBJECT = "Woman human rights defender Zhanar Sekerbayeva detained in Kazakhstan";

const PARAGRAPHS: readonly (readonly TInline[])[] = [
  [
    { text: "I am writing to express my deep concern about the detention of " },
    { text: "Zhanar Sekerbayeva", bold: true },
    {
      text:
        ", a woman human rights defender and co-founder of the feminist initiative Feminita, who has defended the rights of women and LGBTQI+ people in Kazakhstan for many years.",
    },
  ],
  [
    {
      text:
        "According to the information I have received, Ms Sekerbayeva was detained while peacefully taking part in a gathering in Almaty and sentenced to administrative detention for exercising her rights to freedom of expression and peaceful assembly, guaranteed by the Constitution of Kazakhstan and the International Covenant on Civil and Political Rights.",
    },
  ],
  [
    {
      text:
        "Women human rights defenders in Kazakhstan are repeatedly fined, detained and intimidated for organising or attending peaceful protests. I therefore respectfully urge the authorities of Kazakhstan to:",
    },
  ],
];

const LONG_NOTE: readonly string[] = [
  "I have followed Ms Sekerbayeva's work for several years. Her lectures on the history of the women's movement in Central Asia, her patient work with victims of domestic violence and her public reports on discrimination have helped many people in our country understand their rights, and she has always acted openly, peacefully and within the law.",
  "When I read that she had been detained again, I thought of the many women who have written to Feminita because they had nowhere else to turn. The people who defend others deserve protection themselves, not cells and fines. A country that wants to be respected abroad should be proud of citizens like her.",
  "I also ask that her lawyers and relatives be given regular and unhindered access to her, that she receive any medical care she needs, and that the authorities publicly confirm where she is held and on what legal grounds. Transparency in this case would be a strong signal that Kazakhstan takes its international commitments seriously.",
  "I will continue to follow her situation closely, together with many other people in Kazakhstan and abroad, and I would be grateful to receive a reply informing me of the steps taken in response to this letter.",
];

const PERSONAL_NOTE = "I write to you from Almaty, where Zhanar's courage is known to many.\nЖанар Секербаеваға бостандық! Freedom for Zhanar Sekerbayeva!";

/** The blocks of one letter, from the salutation to the signature. */
function sampleBlocks(long: boolean, note: string): TLetterBlock[] {
  const blocks: TLetterBlock[] = [
    { type: "paragraph", inlines: [{ text: SAMPLE_SALUTATION }] },
    ...PARAGRAPHS.map((inlines): TLetterBlock => ({ type: "paragraph", inlines: [...inlines] })),
    { type: "list", ordered: true, items: SAMPLE_DEMANDS.map((text) => [{ text }]) },
  ];
  if (long) {
    blocks.push({
      type: "quote",
      inlines: [{ text: "“Every human being has the right to liberty and security of person. No one shall be subjected to arbitrary arrest or detention.”", italic: true }, { text: "\nInternational Covenant on Civil and Political Rights, article 9(1)" }],
    });
    blocks.push(...LONG_NOTE.map((text): TLetterBlock => ({ type: "paragraph", inlines: [{ text }] })));
  }
  blocks.push(
    {
      type: "paragraph",
      inlines: [
        { text: "Personal note: ", italic: true },
        { text: note },
      ],
    },
    { type: "paragraph", inlines: [{ text: `${SAMPLE_CLOSING}\n\n${SAMPLE_SUPPORTER_NAME}` }] },
  );
  return blocks;
}

/** The plain-text version of blocks (what `TLetter.text` carries). */
export function blocksToText(blocks: readonly TLetterBlock[]): string {
  const inline = (inlines: readonly TInline[]) => inlines.map((i) => i.text).join("");
  return blocks
    .map((block) => {
      switch (block.type) {
        case "paragraph":
          return inline(block.inlines);
        case "quote":
          return inline(block.inlines)
            .split("\n")
            .map((line) => `> ${line}`)
            .join("\n");
        case "list":
          return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "-"} ${inline(item)}`).join("\n");
      }
    })
    .join("\n\n");
}

export type TSampleOptions = {
  /** Number of letters (one per recipient; more than ten repeat the recipients). Default 1. */
  letters?: number;
  paper?: TPaper;
  language?: TLanguage;
  /** "2-page": a longer personal note, so each letter spills onto a second page. */
  variant?: "standard" | "2-page";
  /** The supporter's personal note (lines separated by "\n"); a default two-line note otherwise. */
  personalNote?: string;
  /** Index of the first recipient in SAMPLE_RECIPIENTS (default 0). */
  firstRecipient?: number;
};

/** A sample document: `letters` letters, one per recipient, each starting on its own page. */
export function sampleLetterDocument({
  letters = 1,
  paper = "A4",
  language = "en",
  variant = "standard",
  personalNote = PERSONAL_NOTE,
  firstRecipient = 0,
}: TSampleOptions = {}): TLetterDocument {
  const blocks = sampleBlocks(variant === "2-page", personalNote);
  const text = blocksToText(blocks);
  const pages: TLetterPage[] = Array.from({ length: letters }, (_, i) => {
    const n = firstRecipient + i;
    const recipient = SAMPLE_RECIPIENTS[n % SAMPLE_RECIPIENTS.length]!;
    return {
      recipientId: n < SAMPLE_RECIPIENTS.length ? recipient.id : `${recipient.id}-${n}`,
      language,
      subject: SUBJECT,
      blocks,
      text,
      paper,
      sender: [SAMPLE_SUPPORTER_NAME, "Алматы", "Kazakhstan"],
      dateText: DATE_TEXT[language],
      recipientAddress: [...recipient.address],
      footer: "Urgent appeal for Zhanar Sekerbayeva · written by a supporter through Urgent Letters",
    };
  });
  return {
    title: `Letters about Zhanar Sekerbayeva (${letters})`,
    author: SAMPLE_SUPPORTER_NAME,
    language,
    letters: pages,
  };
}
