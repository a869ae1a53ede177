import "server-only";
import { syncContent } from "@/lib/campaigns/sync-content";
import { getDatabase } from "@/lib/db/client";
import { env, publicUrl } from "@/lib/env";
import { loadContent } from "@/lib/templates/load-content";

/**
 * Runs once when the server starts (instrumentation.ts): validates the settings, opens the database and applies
 * migrations, and loads the content files. Any failure stops the server with a message naming what to fix.
 */
export async function boot(): Promise<void> {
  const settings = env();
  const database = await getDatabase();
  const content = await loadContent(settings.TEMPLATES_DIR);
  const written = await syncContent(database.db, content, { overwrite: settings.TEMPLATES_RELOAD });
  const where = database.kind === "pglite" ? `embedded PGlite in ${settings.DATA_DIR}` : "Postgres (DATABASE_URL)";
  console.log(
    `Urgent Letters: database ${where}; content ${settings.TEMPLATES_RELOAD ? "reloaded" : "loaded"} ` +
      `(${written.campaigns} campaigns, ${written.recipients} recipients, ${written.letterTemplates} letter templates written).`,
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
