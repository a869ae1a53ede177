import "server-only";
import { startHousekeeping } from "@/lib/actions/housekeeping";
import { syncContent } from "@/lib/campaigns/sync-content";
import { startWorker } from "@/lib/delivery/worker";
import { getMailTransport } from "@/lib/mail/mailer";
import { getDatabase } from "@/lib/db/client";
import { env, publicUrl } from "@/lib/env";
import { botCheckSecretIsRandom } from "@/lib/bot-check/secret";
import { closePdfThreads, warmPdfThreads } from "@/lib/http/render-pdf-off-thread";
import { fillInSecurityHeaders } from "@/lib/server/fill-in-security-headers";
import { stopAcceptingRequests } from "@/lib/server/stop-accepting-requests";
import { loadContent } from "@/lib/templates/load-content";

/** The longest a stop may take; orchestrators (Docker, systemd, Kubernetes) kill at 10 s. */
const SHUTDOWN_DEADLINE_MS = 8_000;
/** Of that, what requests in progress get to finish once no new ones are taken. */
const REQUEST_GRACE_MS = 3_000;

/**
 * Runs once when the server starts (instrumentation.ts): validates the settings, opens the database and applies
 * migrations, and loads the content files. Any failure stops the server with a message naming what to fix.
 */
export async function boot(): Promise<void> {
  const settings = env();
  // First: answers made before the app's own code sees a request must carry the headers too.
  fillInSecurityHeaders({ https: (settings.PUBLIC_URL ?? "").startsWith("https://") });
  const database = await getDatabase();
  const content = await loadContent(settings.TEMPLATES_DIR);
  const written = await syncContent(database.db, content, { overwrite: settings.TEMPLATES_RELOAD });
  const where = database.kind === "pglite" ? `embedded PGlite in ${settings.DATA_DIR}` : "Postgres (DATABASE_URL)";
  console.log(
    `Urgent Letters: database ${where}; content ${settings.TEMPLATES_RELOAD ? "reloaded" : "loaded"} ` +
      `(${written.campaigns} campaigns, ${written.recipients} recipients, ${written.letterTemplates} letter templates written).`,
  );
  warmPdfThreads();
  if (!settings.IP_HASH_SALT) {
    console.warn(
      "Urgent Letters: IP_HASH_SALT is not set: the per-IP limits hash addresses with a random salt made at this start, " +
        "so a restart resets every count and several instances do not share them. Set IP_HASH_SALT (16 characters or more).",
    );
  }
  if (botCheckSecretIsRandom()) {
    console.warn(
      "Urgent Letters: neither BOT_CHECK_SECRET nor IP_HASH_SALT is set: bot checks are signed with a random secret made at " +
        "this start, so after a restart a supporter's next Send is checked once more, and several instances refuse each " +
        "other's checks. Set BOT_CHECK_SECRET (16 characters or more, the same on every instance).",
    );
  }
  const transport = await getMailTransport();
  const inProcess = settings.WORKER_IN_PROCESS ?? database.kind === "pglite";
  const worker = inProcess
    ? startWorker({ db: database.db, transport, mailFrom: settings.MAIL_FROM, organisationName: settings.ORGANISATION_NAME })
    : undefined;
  const stopHousekeeping = inProcess ? startHousekeeping(database.db) : undefined;
  // scripts/start.mjs sets NEXT_MANUAL_SIG_HANDLE, so stopping is ours: stop the sender (sends already on the wire
  // finish, the rest go back to the queue), then close the database cleanly (PGlite writes its files on close).
  // Whatever happens, the process is gone within SHUTDOWN_DEADLINE_MS: a supervisor's SIGKILL usually follows at
  // 10 s, and a letter still in flight then is taken over by another worker when its short lock runs out.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.log(`Urgent Letters: ${signal}, stopping.`);
      setTimeout(() => {
        console.error(`Urgent Letters: not stopped after ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting now.`);
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS).unref();
      stopHousekeeping?.();
      void (async () => {
        // New connections are refused from here on; requests in progress get a few seconds to finish.
        const servers = await stopAcceptingRequests(REQUEST_GRACE_MS);
        console.log(`Urgent Letters: no longer taking requests (${servers} listening socket${servers === 1 ? "" : "s"} closed).`);
        await worker?.stop().catch(() => {});
        await closePdfThreads().catch(() => {});
        transport.close();
        await database.close().catch(() => {});
        process.exit(0);
      })();
    });
  }
  console.log(
    `Urgent Letters: mail ${transport.kind === "smtp" ? "sent through SMTP_URL" : "captured, not sent (see /dev/mail)"}; ` +
      `sender ${inProcess ? "running in this process" : "not in this process: run npm run worker"}.`,
  );
  console.log(`Urgent Letters is ready on ${publicUrl()}`);
}

/** boot(), and on failure: say why and stop, since a server without its database or content only answers errors. */
export async function bootOrExit(): Promise<void> {
  try {
    await boot();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
