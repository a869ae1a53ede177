import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/open";
import { getLetterContext } from "@/lib/letters/letter-context";
import { loadContent } from "@/lib/templates/load-content";
import { testDatabases } from "@/test/databases";
import { templateKey, type TTemplateDoc } from "./docs";
import { importContent } from "./import-content";
import { readPublished } from "./read-doc";
import { saveTemplate } from "./save-template";

const KEY = templateKey("dnc-sekerbayeva-charges", "kazakhstan-authorities", "en");

describe.each(testDatabases())("content caches on $name", ({ open }) => {
  let database: TDatabase & { url?: string };
  beforeAll(async () => {
    database = await open();
    await importContent(database.db, await loadContent(path.join(process.cwd(), "templates")), "import");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("serves a published edit on the next read, and keeps a draft out of letters", async () => {
    const before = await getLetterContext(database.db, "dnc-sekerbayeva-charges");
    const current = (await readPublished(database.db, "template", KEY))!.doc as TTemplateDoc;
    await saveTemplate(database.db, KEY, { ...current, body: `${current.body}\nA draft line.\n` }, "editor@example.org", "draft");
    expect((await getLetterContext(database.db, "dnc-sekerbayeva-charges"))!.templates).toEqual(before!.templates);
    const published = await saveTemplate(database.db, KEY, { ...current, body: `${current.body}\nA published line.\n` }, "editor@example.org", "publish");
    const after = await getLetterContext(database.db, "dnc-sekerbayeva-charges");
    const template = after!.templates.find((t) => t.audienceId === "kazakhstan-authorities" && t.language === "en")!;
    expect(template.body).toContain("A published line.");
    expect(template.versionId).toBe(published.versionId);
  });
});

// Two processes share a cache only through the database: this needs a server both can reach, so Postgres only.
describe.each(testDatabases().filter((d) => d.name === "postgres"))("content caches across processes on $name", ({ open }) => {
  let database: TDatabase & { url?: string };
  beforeAll(async () => {
    database = await open();
    await importContent(database.db, await loadContent(path.join(process.cwd(), "templates")), "import");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("drops a second app process's cached copy when this one publishes", async () => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(process.cwd(), "test/content/read-letter-context-child.ts")], {
      env: { ...process.env, CHILD_DATABASE_URL: database.url! },
      stdio: ["pipe", "pipe", "inherit"],
    });
    const answers = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const ask = async () => {
      child.stdin!.write("read\n");
      return JSON.parse((await answers.next()).value as string) as { body: string; versionId: string };
    };
    try {
      const first = await ask();
      // Asked twice without a change: the same cached answer.
      expect(await ask()).toEqual(first);
      const current = (await readPublished(database.db, "template", KEY))!.doc as TTemplateDoc;
      const published = await saveTemplate(database.db, KEY, { ...current, body: `${current.body}\nEdited in another process.\n` }, "editor@example.org", "publish");
      const next = await ask();
      expect(next.body).toContain("Edited in another process.");
      expect(next.versionId).toBe(published.versionId);
    } finally {
      child.stdin!.write("stop\n");
      child.kill();
    }
  });
});
