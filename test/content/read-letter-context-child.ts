/**
 * A second app process for the cache test (lib/content/content-revision.integration.test.ts): opens the Postgres
 * database named in CHILD_DATABASE_URL and, for every line it reads on stdin, prints the English letter template
 * body of the DNC campaign's Kazakhstan audience as its letter-context cache answers it (one JSON line each).
 * Run as `node --conditions=react-server --import tsx test/content/read-letter-context-child.ts`.
 */
import readline from "node:readline";
import { openDatabase } from "@/lib/db/open";
import { getLetterContext } from "@/lib/letters/letter-context";

const database = await openDatabase({ databaseUrl: process.env.CHILD_DATABASE_URL, migrate: false });
const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line === "stop") break;
  const context = await getLetterContext(database.db, "dnc-sekerbayeva-charges");
  const template = context?.templates.find((t) => t.audienceId === "kazakhstan-authorities" && t.language === "en");
  console.log(JSON.stringify({ body: template?.body ?? null, versionId: template?.versionId ?? null }));
}
await database.close();
