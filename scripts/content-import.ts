/**
 * `npm run content:import -- [dir]`: loads the content files in dir (default: TEMPLATES_DIR, ./templates) over the
 * database as new versions of whatever differs (author "import:<dir>"). Postgres only: the embedded database belongs
 * to the running app, so with it use the admin's import (Campaigns → Import and export).
 */
import path from "node:path";
import { importContent } from "@/lib/content/import-content";
import { openDatabase } from "@/lib/db/open";
import { env } from "@/lib/env";
import { ContentError, loadContent } from "@/lib/templates/load-content";
import { refuseEmbedded } from "./refuse-embedded";

async function main(): Promise<number> {
  const settings = env();
  if (!settings.DATABASE_URL) return refuseEmbedded("import", "upload the files there");
  const dir = process.argv[2] ?? settings.TEMPLATES_DIR;
  let content;
  try {
    content = await loadContent(dir);
  } catch (error) {
    console.error(error instanceof ContentError ? error.message : String(error));
    return 1;
  }
  const database = await openDatabase({ databaseUrl: settings.DATABASE_URL });
  try {
    const result = await importContent(database.db, content, `import:${path.relative(process.cwd(), path.resolve(dir)) || "."}`);
    console.log(
      `Imported ${dir}: ${result!.campaigns} campaigns, ${result!.recipients} recipients, ${result!.templates} letter templates and ${result!.partners} partners changed ` +
        `(a new version each); ${result!.unchanged} unchanged.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
