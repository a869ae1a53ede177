/**
 * `npm run content:export -- <dir>`: writes the database's current content into dir in the layout of templates/
 * (campaigns/<slug>/…, recipients/<id>.yaml), replacing files of the same name. Postgres only: the embedded
 * database belongs to the running app, so with it use the admin's export (Campaigns → Import and export).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { exportContent } from "@/lib/content/export-content";
import { openDatabase } from "@/lib/db/open";
import { env } from "@/lib/env";
import { refuseEmbedded } from "./refuse-embedded";

async function main(): Promise<number> {
  const settings = env();
  if (!settings.DATABASE_URL) return refuseEmbedded("export", "download the files there");
  const dir = process.argv[2];
  if (!dir) {
    console.error("Say where to write the files: npm run content:export -- <dir>");
    return 2;
  }
  const database = await openDatabase({ databaseUrl: settings.DATABASE_URL });
  try {
    const files = await exportContent(database.db);
    for (const file of files) {
      const target = path.join(dir, file.path);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, file.text);
    }
    console.log(`Exported ${files.length} files to ${dir}.`);
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
