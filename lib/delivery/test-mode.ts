/**
 * Test mode at delivery time (pure), used by both message builders: a letter written while its campaign was in test
 * mode (letters.test) goes to the campaigner who wrote it (letters.test_to), in headers and in the SMTP envelope
 * alike, with "[TEST]" before its subject; the official's address is not in the message at all. A message with no
 * test letter is returned as it is. A digest mixing test letters and real ones (or two campaigners' tests) is
 * refused rather than guessed at: it would either reach an official or drop real letters.
 */
import "server-only";
import type Mail from "nodemailer/lib/mailer";
import { LetterMessageError, mailAddress } from "./message-parts";

export type TTestMarks = { test?: boolean; testTo?: string | null };

export const TEST_SUBJECT_PREFIX = "[TEST] ";

export function withTestMode(letters: readonly TTestMarks[], message: Mail.Options): Mail.Options {
  const tests = letters.filter((l) => l.test);
  if (tests.length === 0) return message;
  if (tests.length < letters.length) throw new LetterMessageError("test letters and real ones cannot go in one message");
  const targets = new Set(tests.map((l) => l.testTo ?? ""));
  if (targets.size !== 1) throw new LetterMessageError("test letters of several campaigners cannot go in one message");
  const to = mailAddress("test mode's campaigner email", [...targets][0]);
  const envelope = typeof message.envelope === "object" && message.envelope ? message.envelope : {};
  return {
    ...message,
    to,
    cc: undefined,
    bcc: undefined,
    envelope: { ...envelope, to },
    subject: `${TEST_SUBJECT_PREFIX}${String(message.subject ?? "")}`,
    headers: { ...(typeof message.headers === "object" && !Array.isArray(message.headers) ? message.headers : {}), "X-Urgent-Letters-Test": "yes" },
  };
}
