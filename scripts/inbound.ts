/**
 * `npm run inbound`: the bounce receiver, an SMTP server on INBOUND_PORT (default 2526) that takes the bounces and
 * automatic replies sent to the letters' return paths and records them (lib/bounces/start-inbound-server.ts). Point
 * the MX of the BOUNCE_ADDRESS domain at it, or forward that address to it (docs/deploy.md). Runs on Postgres only:
 * the embedded database can be opened by one process, the web process, which takes bounces over HTTP instead
 * (POST /api/v1/inbound/bounces).
 */
import { startInboundServer } from "../lib/bounces/start-inbound-server";
import { bounceBase } from "../lib/delivery/bounce-address";
import { openDatabase } from "../lib/db/open";
import { env } from "../lib/env";

async function main(): Promise<number> {
  let settings;
  try {
    settings = env();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  if (!settings.DATABASE_URL) {
    console.error(
      "The bounce receiver runs on Postgres only. DATABASE_URL is not set, so the app uses the embedded PGlite database, " +
        "which only the web process may open: forward bounces to POST /api/v1/inbound/bounces instead (set INBOUND_SECRET), " +
        "or set DATABASE_URL.",
    );
    return 1;
  }
  const database = await openDatabase({ databaseUrl: settings.DATABASE_URL });
  const bounce = { mailFrom: settings.MAIL_FROM, bounceAddress: settings.BOUNCE_ADDRESS };
  const server = await startInboundServer({ db: database.db, port: settings.INBOUND_PORT, host: settings.INBOUND_HOST, settings: bounce });
  const { local, domain } = bounceBase(bounce);
  console.log(`Urgent Letters bounce receiver: SMTP on ${settings.INBOUND_HOST}:${server.port}, taking mail for ${local}+<letter id>@${domain}.`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  console.log(`${signal}: stopping.`);
  process.once(signal, () => process.exit(1));
  await server.close();
  await database.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
