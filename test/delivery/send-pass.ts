/**
 * One pass of the sender, as `npm run worker` runs it (PDFs on a thread), in a process of its own: for browser tests,
 * whose test runner cannot lay out a PDF itself. Prints the pass's counts as JSON on its last line.
 * Run as `node --conditions=react-server --import tsx test/delivery/send-pass.ts`, with PASS_DATABASE_URL (Postgres),
 * PASS_SMTP_URL and PASS_MAIL_FROM.
 */
import { openDatabase } from "@/lib/db/open";
import { startPdfThreads } from "@/lib/delivery/pdf-threads";
import { sendDueLetters } from "@/lib/delivery/send-due-letters";
import { createMailTransport } from "@/lib/mail/transport";
import { TEST_ORGANISATION } from "./seed";

const database = await openDatabase({ databaseUrl: process.env.PASS_DATABASE_URL, migrate: false });
const transport = createMailTransport({ smtpUrl: process.env.PASS_SMTP_URL, db: database.db, timeoutMs: 10_000 });
const threads = await startPdfThreads(1);
if (!threads) throw new Error("send-pass: the PDF thread could not start");
try {
  const counts = await sendDueLetters({
    db: database.db,
    transport,
    now: () => new Date(),
    mailFrom: process.env.PASS_MAIL_FROM ?? "letters@urgent-letters.localhost",
    organisationName: TEST_ORGANISATION,
    renderPdf: threads.render,
    log: () => {},
  });
  console.log(JSON.stringify(counts));
} finally {
  transport.close();
  await threads.close();
  await database.close();
}
