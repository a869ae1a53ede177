/**
 * The print-ready PDF of one or more letters (@react-pdf/renderer). Each letter is one <Page> set: it starts on a new
 * sheet and flows onto following sheets, with the footer and "page N / M" (counted per letter) on every sheet.
 *
 * The first sheet is laid out for a window envelope, in page coordinates (origin top left):
 *
 * A4, DIN 5008 form B, DL envelope with a window (DIN 680: window 90 × 45 mm, 20 mm from the left, 15 mm from the top
 * of the envelope):
 *   - address field 85 × 45 mm whose top left corner is 20 mm from the left edge and 45 mm from the top edge; text is
 *     set 5 mm inside it (25 mm from the left, the body's left margin), so the writable width is 80 mm (to 105 mm);
 *     the address is set in 10 pt on 12 pt, smaller (down to 8 pt) when a line would not fit on one line;
 *   - its top 17.7 mm (45–62.7 mm) is the return-address / remark zone, written bottom-up (return line in 7 pt);
 *   - the address zone is 62.7–90 mm (27.3 mm, 6 lines) and is written top-down from 62.7 mm; an address with more
 *     lines grows upwards into the remark zone (DIN allows moving the boundary), and only beyond 9 lines gets smaller;
 *   - fold marks at 105 mm and 210 mm from the top, at the left edge.
 *
 * US Letter, #10 envelope (4 1/8 × 9 1/2 in) with the standard window 4 1/2 × 1 1/8 in, 7/8 in from the left and
 * 1/2 in from the bottom; the sheet is folded in thirds (fold marks at 3 2/3 and 7 1/3 in):
 *   - a panel resting at the bottom of the envelope shows the window 2.04–3.17 in from the top of the sheet, so the
 *     address block is set 2 1/8 in from the top, 1 in from the left (the body's margin), 1 in tall (6 lines at
 *     12 pt) and at most 3 1/4 in wide (still inside the window when the sheet slides the 1 in of horizontal play);
 *   - the date sits under the window, above the first fold.
 *
 * Typography: Noto Serif 11 pt with 1.35 line height, set ragged right without hyphenation; black on white.
 */
import { Document, Page, StyleSheet, Text, View, type Styles } from "@react-pdf/renderer";
import type { TInline, TLetterBlock, TLetterDocument, TLetterPage, TPaper } from "@/lib/letters/types";
import { PDF_FONT_FAMILY, allowBreaks, pdfTextWidth, registerPdfFonts } from "./fonts";

registerPdfFonts();

const MM = 72 / 25.4;
const INCH = 72;

/** Where things go on a sheet, in points from the top left corner. */
type TGeometry = {
  size: "A4" | "LETTER";
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** Top of the sender block (set flush right against the right margin). */
  senderTop: number;
  /** The remark zone above the address (A4 only): its return line sits on the zone's bottom edge. */
  remarkZone: { top: number; height: number } | null;
  /** The address zone: its first line, left edge and width; `lines` rows fit in it, up to `maxLines` by growing upwards. */
  address: { top: number; left: number; width: number; lines: number; maxLines: number };
  /** Top of the date line; the body follows it. */
  dateTop: number;
  /** Fold marks, from the top. */
  folds: number[];
  /** Left end and length of a fold mark. */
  foldMark: { left: number; length: number };
  /** Baseline area of the footer: distance of its top from the bottom edge. */
  footerTop: number;
};

const GEOMETRY: Record<TPaper, TGeometry> = {
  A4: {
    size: "A4",
    width: 210 * MM,
    height: 297 * MM,
    margin: { top: 20 * MM, right: 20 * MM, bottom: 20 * MM, left: 25 * MM },
    senderTop: 17 * MM,
    remarkZone: { top: 45 * MM, height: 17.7 * MM },
    address: { top: 62.7 * MM, left: 25 * MM, width: 80 * MM, lines: 6, maxLines: 9 },
    dateTop: 94 * MM,
    folds: [105 * MM, 210 * MM],
    foldMark: { left: 5 * MM, length: 5 * MM },
    footerTop: 14 * MM,
  },
  LETTER: {
    size: "LETTER",
    width: 8.5 * INCH,
    height: 11 * INCH,
    margin: { top: 1 * INCH, right: 1 * INCH, bottom: 1 * INCH, left: 1 * INCH },
    senderTop: 0.6 * INCH,
    remarkZone: null,
    address: { top: 2.125 * INCH, left: 1 * INCH, width: 3.25 * INCH, lines: 6, maxLines: 6 },
    dateTop: 3.4 * INCH,
    folds: [(11 / 3) * INCH, (22 / 3) * INCH],
    foldMark: { left: 0.2 * INCH, length: 0.2 * INCH },
    footerTop: 0.7 * INCH,
  },
};

const BODY_SIZE = 11;
const BODY_LEADING = 1.35;
const ADDRESS_SIZE = 10;
const ADDRESS_LINE = 12;
const LIST_LABEL_WIDTH = 18;
const BLOCK_GAP = BODY_SIZE * 0.7;

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: BODY_SIZE, lineHeight: BODY_LEADING, color: "#000000", backgroundColor: "#ffffff" },
  sender: { position: "absolute", fontSize: 9, lineHeight: 1.3, textAlign: "right" },
  senderInFlow: { fontSize: 9, lineHeight: 1.3, textAlign: "right", marginBottom: 4 * MM },
  senderName: { fontWeight: 700 },
  remarkZone: { position: "absolute", justifyContent: "flex-end" },
  returnLine: { fontSize: 7, lineHeight: 1.2, paddingBottom: 1.5 * MM },
  address: { position: "absolute" },
  foldMark: { position: "absolute", height: 0, borderTopWidth: 0.4, borderTopColor: "#9a9a9a" },
  date: { textAlign: "right" },
  subject: { fontWeight: 700, marginTop: BODY_SIZE * BODY_LEADING, marginBottom: BODY_SIZE * BODY_LEADING - BLOCK_GAP },
  // Space goes above blocks, never below: react-pdf moves a block whose bottom margin crosses the page end to the next
  // page even when its content fits, which could push a whole list over.
  block: { marginTop: BLOCK_GAP },
  listItem: { flexDirection: "row" },
  nextListItem: { flexDirection: "row", marginTop: BODY_SIZE * 0.3 },
  listLabel: { width: LIST_LABEL_WIDTH },
  listText: { flex: 1 },
  quote: { marginTop: BLOCK_GAP, marginLeft: 8 * MM, marginRight: 8 * MM, fontSize: 10.5 },
  bold: { fontWeight: 700 },
  italic: { fontStyle: "italic" },
  boldItalic: { fontWeight: 700, fontStyle: "italic" },
  footer: {
    position: "absolute",
    flexDirection: "row",
    justifyContent: "space-between",
    alignItems: "flex-start",
    borderTopWidth: 0.5,
    borderTopColor: "#000000",
    paddingTop: 4,
    fontSize: 7.5,
    lineHeight: 1.25,
  },
  footerText: { flex: 1, paddingRight: 12 },
  pageNumber: { textAlign: "right" },
});

function inlineStyle(inline: TInline) {
  if (inline.bold && inline.italic) return styles.boldItalic;
  if (inline.bold) return styles.bold;
  if (inline.italic) return styles.italic;
  return undefined;
}

/** Runs of text; plain runs stay bare strings (one layout node fewer each, which matters when pages are re-laid out). */
function Runs({ inlines }: { inlines: readonly TInline[] }) {
  return inlines.map((inline, i) => {
    const style = inlineStyle(inline);
    return style ? (
      <Text key={i} style={style}>
        {inline.text}
      </Text>
    ) : (
      inline.text
    );
  });
}

/**
 * The runs cut into lines at each "\n". A "\n" is not left in the text: react-pdf would set it in its Helvetica
 * fallback (the only font "having" that glyph), and every letter with a line break would reference a second font.
 */
function toLines(inlines: readonly TInline[]): TInline[][] {
  const lines: TInline[][] = [[]];
  for (const inline of inlines) {
    inline.text.split("\n").forEach((text, i) => {
      if (i > 0) lines.push([]);
      if (text) lines[lines.length - 1]!.push({ ...inline, text: allowBreaks(text) });
    });
  }
  return lines;
}

/** A paragraph: one Text, or one Text per line when the supporter broke lines (an empty line keeps its height). */
function TextBlock({ inlines, style }: { inlines: readonly TInline[]; style?: Styles[string] }) {
  const lines = toLines(inlines);
  if (lines.length === 1) {
    return (
      <Text style={style}>
        <Runs inlines={lines[0]!} />
      </Text>
    );
  }
  return (
    <View style={style}>
      {lines.map((line, i) => (
        <Text key={i}>{line.length > 0 ? <Runs inlines={line} /> : " "}</Text>
      ))}
    </View>
  );
}

function ListBlock({ block }: { block: Extract<TLetterBlock, { type: "list" }> }) {
  return (
    <View style={styles.block}>
      {block.items.map((item, i) => (
        // An item (a demand) is never split across sheets: react-pdf cannot split a row of texts cleanly.
        <View key={i} style={i === 0 ? styles.listItem : styles.nextListItem} wrap={false}>
          <Text style={styles.listLabel}>{block.ordered ? `${i + 1}.` : "•"}</Text>
          <TextBlock inlines={item} style={styles.listText} />
        </View>
      ))}
    </View>
  );
}

function Block({ block }: { block: TLetterBlock }) {
  switch (block.type) {
    case "paragraph":
      return <TextBlock inlines={block.inlines} style={styles.block} />;
    case "quote":
      return <TextBlock inlines={block.inlines} style={styles.quote} />;
    case "list":
      return <ListBlock block={block} />;
  }
}

/** The paragraph before the closing goes with it to the next sheet when it is at most this long (about 7 lines). */
const LEAD_IN_CHARS = 700;
/** Short blocks at the end (closing and signature), when no signature is found, are kept on one sheet. */
const KEEP_TOGETHER_CHARS = 240;
/** Room between the closing and the printed name, to sign by hand. */
const SIGNING_SPACE = 16 * MM;

const blockText = (block: TLetterBlock) => (block.type === "list" ? "" : block.inlines.map((inline) => inline.text).join(""));
const blockLength = (block: TLetterBlock) => (block.type === "list" ? Infinity : blockText(block).length);

/**
 * Where the letter's ending starts, and which block is the signature. The ending (the paragraph before the closing,
 * the closing, the signature and whatever follows it) is kept on one sheet: the closing and the signature never stand
 * alone at the top of a sheet, and the space to sign by hand is never split from the name.
 */
export function letterEnding(blocks: readonly TLetterBlock[], signature: string): { start: number; signature: number } {
  const name = signature.trim();
  let sig = -1;
  for (let i = blocks.length - 1; i >= 0 && name; i--) {
    if (blocks[i]!.type === "paragraph" && blockText(blocks[i]!).trim().startsWith(name)) {
      sig = i;
      break;
    }
  }
  if (sig < 0) {
    let split = blocks.length;
    while (split > 0 && blocks.length - split < 2 && blockLength(blocks[split - 1]!) <= KEEP_TOGETHER_CHARS) split -= 1;
    if (split < blocks.length && split > 0 && blockLength(blocks[split - 1]!) <= LEAD_IN_CHARS) split -= 1;
    return { start: split, signature: -1 };
  }
  let start = sig;
  // The closing ("Respectfully,") and, when it is short enough to move, the paragraph before it.
  if (start > 0 && blockLength(blocks[start - 1]!) <= KEEP_TOGETHER_CHARS) start -= 1;
  if (start > 0 && blockLength(blocks[start - 1]!) <= LEAD_IN_CHARS) start -= 1;
  return { start, signature: sig };
}

/**
 * A closing written in one paragraph with the name ("Respectfully,\n\nName") becomes two, so that the space to
 * sign can go between them. Only a plain paragraph is split (a closing carries no emphasis).
 */
export function separateSignature(blocks: readonly TLetterBlock[], signature: string): TLetterBlock[] {
  const name = signature.trim();
  return blocks.flatMap((block): TLetterBlock[] => {
    if (!name || block.type !== "paragraph" || block.inlines.some((inline) => inline.bold || inline.italic)) return [block];
    const text = blockText(block);
    const at = text.lastIndexOf(`\n${name}`);
    if (at <= 0 || text.slice(0, at).trim() === "") return [block];
    return [
      { type: "paragraph", inlines: [{ text: text.slice(0, at).trimEnd() }] },
      { type: "paragraph", inlines: [{ text: text.slice(at + 1) }] },
    ];
  });
}

function LetterBody({ blocks: given, signature }: { blocks: readonly TLetterBlock[]; signature: string }) {
  const blocks = separateSignature(given, signature);
  const ending = letterEnding(blocks, signature);
  const flowing = blocks.slice(0, ending.start);
  const closing = blocks.slice(ending.start);
  return (
    <>
      {flowing.map((block, i) => (
        <Block key={i} block={block} />
      ))}
      {closing.length > 0 && (
        <View wrap={false}>
          {closing.map((block, i) =>
            ending.start + i === ending.signature ? (
              <View key={i} style={{ marginTop: SIGNING_SPACE }}>
                <Block block={block} />
              </View>
            ) : (
              <Block key={i} block={block} />
            ),
          )}
        </View>
      )}
    </>
  );
}

/** Postal addresses keep one line per element: long lines make the address smaller, down to DIN 5008's 8 pt. */
const ADDRESS_MIN_SIZE = 8;

/**
 * One type size for the whole address (10 pt, or smaller so that every line fits on one line, but not below 8 pt; if
 * even 8 pt is not enough, 10 pt with the long lines wrapped) and the number of printed lines it then takes.
 */
function fitAddress(lines: readonly string[], width: number): { fontSize: number; rows: number } {
  const widths = lines.map((text) => pdfTextWidth(text, ADDRESS_SIZE));
  const widest = Math.max(0, ...widths);
  const fitting = widest > 0 ? (ADDRESS_SIZE * width) / widest : ADDRESS_SIZE;
  const fontSize = fitting >= ADDRESS_MIN_SIZE ? Math.min(ADDRESS_SIZE, fitting) : ADDRESS_SIZE;
  const rows = widths.reduce((n, w) => n + Math.max(1, Math.ceil((w * fontSize) / ADDRESS_SIZE / width - 0.001)), 0);
  return { fontSize, rows };
}

const SENDER_WIDTH = 80 * MM;
const SENDER_SIZE = 9;
const SENDER_LINE = SENDER_SIZE * 1.3;

/**
 * The sender block sits at the top right, beside the address window, as long as it ends clear of the date line;
 * a longer postal address is set above the date instead, in the letter's flow (LetterPages).
 */
function senderFitsBeside(lines: readonly string[], geometry: TGeometry): boolean {
  const rows = lines.reduce((n, line) => n + Math.max(1, Math.ceil(pdfTextWidth(line, SENDER_SIZE) / SENDER_WIDTH - 0.001)), 0);
  return geometry.senderTop + rows * SENDER_LINE <= geometry.dateTop - 4 * MM;
}

function SenderLines({ lines }: { lines: readonly string[] }) {
  return lines.map((line, i) => (
    <Text key={i} style={i === 0 ? styles.senderName : undefined}>
      {line}
    </Text>
  ));
}

/** The first sheet's envelope side: sender, return line, recipient's address and fold marks, placed absolutely. */
function EnvelopeHead({ letter, geometry }: { letter: TLetterPage; geometry: TGeometry }) {
  const { address, remarkZone, margin } = geometry;
  const { fontSize, rows } = fitAddress(letter.recipientAddress, address.width);
  // More rows than the zone holds: grow upwards (into the remark zone on A4), then tighten the leading and type.
  const extra = Math.max(0, Math.min(rows, address.maxLines) - address.lines);
  const lineHeight = rows > address.maxLines ? (ADDRESS_LINE * address.maxLines) / rows : ADDRESS_LINE;
  const addressTop = address.top - extra * ADDRESS_LINE;
  const returnLine = letter.sender.join(" · ");
  return (
    <>
      {senderFitsBeside(letter.sender, geometry) ? (
        <View style={[styles.sender, { top: geometry.senderTop, right: margin.right, width: SENDER_WIDTH }]}>
          <SenderLines lines={letter.sender} />
        </View>
      ) : null}
      {remarkZone && extra < 3 && (
        <View style={[styles.remarkZone, { top: remarkZone.top, left: address.left, width: address.width, height: remarkZone.height - extra * ADDRESS_LINE }]}>
          <Text style={styles.returnLine}>{allowBreaks(returnLine)}</Text>
        </View>
      )}
      <View style={[styles.address, { top: addressTop, left: address.left, width: address.width }]}>
        {letter.recipientAddress.map((line, i) => (
          <Text key={i} style={{ fontSize: Math.min(fontSize, lineHeight / 1.2), lineHeight: `${lineHeight}pt` }}>
            {line}
          </Text>
        ))}
      </View>
      {geometry.folds.map((top) => (
        <View key={top} style={[styles.foldMark, { top, left: geometry.foldMark.left, width: geometry.foldMark.length }]} />
      ))}
    </>
  );
}

function Footer({ text, geometry }: { text: string; geometry: TGeometry }) {
  const { margin } = geometry;
  return (
    <View fixed style={[styles.footer, { top: geometry.height - geometry.footerTop, left: margin.left, right: margin.right }]}>
      <Text style={styles.footerText}>{text}</Text>
      <Text style={styles.pageNumber} render={({ subPageNumber, subPageTotalPages }) => `${subPageNumber} / ${subPageTotalPages}`} />
    </View>
  );
}

function LetterPages({ letter }: { letter: TLetterPage }) {
  const geometry = GEOMETRY[letter.paper];
  const { margin } = geometry;
  return (
    <Page
      size={geometry.size}
      style={[styles.page, { paddingTop: margin.top, paddingRight: margin.right, paddingBottom: margin.bottom, paddingLeft: margin.left }]}
    >
      <EnvelopeHead letter={letter} geometry={geometry} />
      {/* Keeps the body below the envelope window on the first sheet. */}
      <View style={{ height: geometry.dateTop - margin.top }} />
      {senderFitsBeside(letter.sender, geometry) ? null : (
        <View style={[styles.senderInFlow, { marginLeft: geometry.width - margin.left - margin.right - SENDER_WIDTH }]}>
          <SenderLines lines={letter.sender} />
        </View>
      )}
      <Text style={styles.date}>{letter.dateText}</Text>
      <Text style={styles.subject}>{letter.subject}</Text>
      <LetterBody blocks={letter.blocks} signature={letter.sender[0] ?? ""} />
      <Footer text={letter.footer} geometry={geometry} />
    </Page>
  );
}

/** The whole PDF: one page set per letter, with the document's metadata. */
export function LetterDocument({ document }: { document: TLetterDocument }) {
  return (
    <Document
      title={document.title}
      author={document.author}
      subject={document.letters[0]?.subject}
      language={document.language}
      creator="Urgent Letters"
      producer="Urgent Letters"
    >
      {document.letters.map((letter, i) => (
        <LetterPages key={`${letter.recipientId}-${i}`} letter={letter} />
      ))}
    </Document>
  );
}
