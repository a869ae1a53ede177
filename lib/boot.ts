import "server-only";
import { randomUUID } from "node:crypto";
import { issueSetupToken } from "@/lib/auth/issue-setup-link";
import { sendSignInLink } from "@/lib/auth/send-sign-in-link";
import type { TDb } from "@/lib/db/open";
import { campaigners } from "@/lib/db/schema";
import { startHousekeeping } from "@/lib/actions/housekeeping";
import { loadContentIfEmpty } from "@/lib/content/load-content-if-empty";
import { startWorker } from "@/lib/delivery/worker";
import { getMailTransport } from "@/lib/mail/mailer";
import { getDatabase } from "@/lib/db/client";
import { env, publicUrl } from "@/lib/env";
import { botCheckSecretIsRandom } from "@/lib/bot-check/secret";
import { closePdfThreads, warmPdfThreads } from "@/lib/http/render-pdf-off-thread";
import { fillInSecurityHeaders } from "@/lib/server/fill-in-security-headers";
import { stopAcceptingRequests } from "@/lib/server/stop-accepting-requests";

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
  const where = database.kind === "pglite" ? `embedded PGlite in ${settings.DATA_DIR}` : "Postgres (DATABASE_URL)";
  // The database is the source of truth once loaded: the files are read only into an empty one (the first start).
  const loaded = await loadContentIfEmpty(database.db, settings.TEMPLATES_DIR);
  console.log(
    `Urgent Letters: database ${where}; ` +
      (loaded
        ? `content loaded from ${settings.TEMPLATES_DIR} (${loaded.campaigns} campaigns, ${loaded.recipients} recipients, ${loaded.templates} letter templates).`
        : "content from the database (edit it in the admin, or npm run content:import)."),
  );
  if (settings.TEMPLATES_RELOAD) {
    console.warn("Urgent Letters: TEMPLATES_RELOAD is no longer read. Load files over the database with npm run content:import -- <dir> (or the admin's import).");
  }
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
    ? startWorker({
        db: database.db,
        transport,
        mailFrom: settings.MAIL_FROM,
        organisationName: settings.ORGANISATION_NAME,
        bounceAddress: settings.BOUNCE_ADDRESS,
        relayProbeMs: settings.RELAY_PROBE_SECONDS * 1000,
      })
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
  await announceAdmin(database.db, settings.ADMIN_EMAIL);
}

/**
 * While nobody can sign in to the admin: with ADMIN_EMAIL, that address becomes the owner and is mailed a sign-in
 * link; without it, a one-time setup link (24 h) is printed, whose opener becomes the owner.
 */
async function announceAdmin(database: TDb, adminEmail: string | undefined): Promise<void> {
  if (adminEmail) {
    const [anyone] = await database.select({ id: campaigners.id }).from(campaigners).limit(1);
    if (!anyone) {
      await database.insert(campaigners).values({ id: randomUUID(), email: adminEmail.toLowerCase(), name: adminEmail.split("@")[0]!, role: "owner" });
      await sendSignInLink(adminEmail.toLowerCase(), { invite: true });
      console.log(`Urgent Letters: ${adminEmail} is the admin's owner; a sign-in link was mailed to it. Sign in at ${publicUrl()}/admin/sign-in`);
      return;
    }
  }
  const token = await issueSetupToken(database);
  if (token) console.log(`Urgent Letters: no campaigner yet. Open this link within 24 hours to become the admin's owner: ${publicUrl()}/admin/setup/${token}`);
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
