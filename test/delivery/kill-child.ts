/**
 * A worker process for the "killed with SIGKILL mid-batch" test: runs ONE pass of sendDueLetters on the database and
 * SMTP server named in its environment, with the real clock, and is killed by the test while the server is still
 * answering. Run as `node --conditions=react-server --import tsx test/delivery/kill-child.ts`.
 *
 * KILL_DATABASE_URL (Postgres) or KILL_DATA_DIR (a PGlite directory this process owns), KILL_SMTP_URL, KILL_LOCK_MS.
 */
import { openDatabase } from "@/lib/db/open";
import { createMailTransport } from "@/lib/mail/transport";
import { startPdfThreads } from "@/lib/delivery/pdf-threads";
import { sendDueLetters } from "@/lib/delivery/send-due-letters";
import { TEST_MAIL_FROM, TEST_ORGANISATION } from "./seed";

async function main(): Promise<void> {
  const database = await openDatabase({
    databaseUrl: process.env.KILL_DATABASE_URL || undefined,
    dataDir: process.env.KILL_DATA_DIR || undefined,
    migrate: false,
  });
  const transport = createMailTransport({ smtpUrl: process.env.KILL_SMTP_URL, db: database.db, timeoutMs: 60_000 });
  // As in `npm run worker`: under react-server conditions PDFs are laid out on a thread (lib/delivery/pdf-threads.ts).
  const threads = await startPdfThreads(1);
  if (!threads) throw new Error("child: the PDF thread could not start");
  console.log("child: sending");
  const counts = await sendDueLetters({
    db: database.db,
    transport,
    now: () => new Date(),
    mailFrom: TEST_MAIL_FROM,
    organisationName: TEST_ORGANISATION,
    lockMs: Number(process.env.KILL_LOCK_MS ?? 60_000),
    renderPdf: threads.render,
  });
  // Only reached if the test failed to kill this process in time.
  console.log(`child: pass finished ${JSON.stringify(counts)}`);
  transport.close();
  await threads.close();
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
