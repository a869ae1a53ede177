/**
 * What a message that came back to a letter's return path says (no database, no network): a delivery status
 * notification (RFC 3464: multipart/report with a message/delivery-status part) that the letter failed for good
 * (hard: Action failed, Status 5.x.x) or is only delayed (soft: 4.x.x, Action delayed); an automatic reply such as
 * an out-of-office (soft: the letter was delivered); an old-style bounce in plain text; or something else.
 */
import "server-only";
import { simpleParser, type ParsedMail } from "mailparser";

export type TBounceKind = "hard" | "soft" | "auto-reply" | "other";

export type TBounceReport = {
  kind: TBounceKind;
  /** The enhanced status code (5.1.1), when the report gives one. */
  status?: string;
  /** The address that refused, as the report names it. */
  recipient?: string;
  /** The remote server's words (Diagnostic-Code), or the subject of an automatic reply. */
  diagnostic?: string;
  /** The Message-ID of the letter the report is about, when it quotes one. */
  originalMessageId?: string;
  /** One line for the letter's attempts, as campaigners read it. */
  summary: string;
};

type TFields = Map<string, string>;

/** A header block ("Name: value" with folded continuation lines) as lower-case names to values. */
function fieldBlock(text: string): TFields {
  const fields: TFields = new Map();
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) {
      fields.set(last, `${fields.get(last)} ${line.trim()}`);
      continue;
    }
    const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    last = m[1]!.toLowerCase();
    if (!fields.has(last)) fields.set(last, m[2]!.trim());
  }
  return fields;
}

/** The body of the message/delivery-status part, read from the raw message (mailparser folds it into the text). */
function deliveryStatusPart(raw: string): string | undefined {
  const start = /^content-type:\s*message\/(?:global-)?delivery-status\b.*$/im.exec(raw);
  if (!start) return undefined;
  const rest = raw.slice(start.index + start[0].length);
  // The part's other header lines, then a blank line, then the body up to the next boundary.
  const blank = /\r?\n\r?\n/.exec(rest);
  if (!blank) return undefined;
  const body = rest.slice(blank.index + blank[0].length);
  const end = /^--\S+/m.exec(body);
  return end ? body.slice(0, end.index) : body;
}

/** The per-recipient blocks of a delivery-status body (the first block is about the reporting MTA). */
function recipientBlocks(status: string): TFields[] {
  return status
    .split(/\r?\n[ \t]*\r?\n/)
    .map(fieldBlock)
    .filter((f) => f.has("action") || f.has("status") || f.has("final-recipient"));
}

function addressOf(field: string | undefined): string | undefined {
  if (!field) return undefined;
  return field.replace(/^\s*rfc822\s*;\s*/i, "").replace(/^<|>$/g, "").trim() || undefined;
}

function diagnosticOf(field: string | undefined): string | undefined {
  if (!field) return undefined;
  return field.replace(/^\s*(smtp|x-[a-z0-9-]+)\s*;\s*/i, "").replace(/\s+/g, " ").trim().slice(0, 500) || undefined;
}

const STATUS = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
const OURS = /<(?:letter|digest)-[0-9a-f-]{36}@[^>\s]+>/i;

function header(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name);
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object" && "value" in value && typeof (value as { value: unknown }).value === "string") return (value as { value: string }).value;
  return String(value);
}

/** The Message-ID of our letter or digest that the report quotes (returned message, headers, or references). */
function originalMessageId(raw: string, mail: ParsedMail, fields: TFields[]): string | undefined {
  for (const attachment of mail.attachments) {
    if (/^(message\/(global|rfc822)|text\/rfc822-headers)/i.test(attachment.contentType)) {
      const id = fieldBlock(attachment.content.toString("utf8").split(/\r?\n\r?\n/)[0] ?? "").get("message-id");
      if (id) return id;
    }
  }
  const fromDsn = fields.map((f) => f.get("x-original-message-id")).find(Boolean);
  if (fromDsn) return fromDsn;
  // A returned copy in the text (old-style bounces), or the reply's own references.
  const quoted = /^message-id:\s*(<[^>\s]+>)/im.exec(raw.slice(raw.search(/\r?\n\r?\n/) + 1));
  if (quoted && OURS.test(quoted[1]!)) return quoted[1];
  const references = `${header(mail, "in-reply-to")} ${header(mail, "references")}`;
  return OURS.exec(references)?.[0];
}

function isAutoReply(mail: ParsedMail): boolean {
  const auto = header(mail, "auto-submitted").toLowerCase();
  if (auto && auto !== "no") return true;
  if (header(mail, "x-autoreply") || header(mail, "x-autorespond") || header(mail, "x-auto-response-suppress")) return true;
  if (/^auto[_-]?reply$/i.test(header(mail, "precedence").trim())) return true;
  return /out of (the )?office|automatic reply|auto[- ]?reply|autoreply|absence|abwesenheit|vacation|отсутств/i.test(mail.subject ?? "");
}

function looksLikeBounce(mail: ParsedMail): boolean {
  const from = mail.from?.value.map((a) => a.address ?? "").join(" ") ?? "";
  return (
    /mailer-daemon|postmaster/i.test(from) ||
    /undeliver|undelivered|failure notice|returned mail|delivery (status notification|failure)|mail delivery failed|non-?delivery/i.test(mail.subject ?? "")
  );
}

export async function parseBounce(raw: Buffer | string): Promise<TBounceReport> {
  const text = typeof raw === "string" ? raw : raw.toString("utf8");
  const mail = await simpleParser(raw);
  const statusPart = deliveryStatusPart(text);
  const blocks = statusPart ? recipientBlocks(statusPart) : [];
  const messageId = originalMessageId(text, mail, blocks);

  if (blocks.length > 0) {
    // Several recipients may be reported at once; a letter has one, so the gravest report is the one that counts.
    const judged = blocks.map((f) => {
      const action = (f.get("action") ?? "").toLowerCase();
      const status = STATUS.exec(f.get("status") ?? "")?.[0];
      const hard = action === "failed" && status?.startsWith("5.") !== false && !status?.startsWith("4.");
      const soft = !hard && (action === "delayed" || action === "failed" || status?.startsWith("4.") === true);
      return { f, action, status, hard, soft };
    });
    const pick = judged.find((j) => j.hard) ?? judged.find((j) => j.soft);
    if (pick) {
      const recipient = addressOf(pick.f.get("final-recipient") ?? pick.f.get("original-recipient"));
      const diagnostic = diagnosticOf(pick.f.get("diagnostic-code"));
      const what = pick.hard ? "bounced" : pick.action === "delayed" ? "delayed" : "not delivered yet";
      const summary = [`${what}: ${pick.status ?? pick.action}`, recipient ? `for ${recipient}` : "", diagnostic ? `(${diagnostic})` : ""]
        .filter(Boolean)
        .join(" ")
        .slice(0, 1000);
      return { kind: pick.hard ? "hard" : "soft", status: pick.status, recipient, diagnostic, originalMessageId: messageId, summary };
    }
    // Action delivered / relayed / expanded: a success notice, nothing to record against the letter.
    return { kind: "other", originalMessageId: messageId, summary: `delivery report: ${judged.map((j) => j.action).join(", ")}` };
  }

  if (looksLikeBounce(mail)) {
    // An old-style bounce in plain text (qmail and others): its words and a status code if it gives one.
    const body = mail.text ?? "";
    const status = STATUS.exec(body)?.[0];
    const permanent = status?.startsWith("5.") === true || (!status && /permanent (error|failure)|does not exist|no (such )?mailbox|user unknown/i.test(body));
    const line = body
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => STATUS.test(l) || /no mailbox|user unknown|does not exist/i.test(l));
    const diagnostic = line?.slice(0, 500);
    return {
      kind: permanent ? "hard" : "soft",
      status,
      diagnostic,
      originalMessageId: messageId,
      summary: `${permanent ? "bounced" : "bounce notice"}: ${status ?? "no status code"}${diagnostic ? ` (${diagnostic})` : ""}`.slice(0, 1000),
    };
  }

  if (isAutoReply(mail)) {
    const subject = (mail.subject ?? "").replace(/\s+/g, " ").trim().slice(0, 300);
    return { kind: "auto-reply", diagnostic: subject, originalMessageId: messageId, summary: `automatic reply: ${subject || "(no subject)"}` };
  }
  const subject = (mail.subject ?? "").replace(/\s+/g, " ").trim().slice(0, 300);
  return { kind: "other", originalMessageId: messageId, summary: `a message came back to the return path: ${subject || "(no subject)"}` };
}
