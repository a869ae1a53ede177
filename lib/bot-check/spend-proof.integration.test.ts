import path from "node:path";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitAction } from "@/lib/actions/submit-action";
import { importContent } from "@/lib/content/import-content";
import type { TDatabase } from "@/lib/db/open";
import { actions, spentBotProofs } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { loadContent } from "@/lib/templates/load-content";
import { testDatabases } from "@/test/databases";
import { deleteSpentProofs } from "./delete-spent-proofs";

const NOW = new Date("2026-12-01T10:00:00Z");
const LATER = new Date("2026-12-01T11:00:00Z");

const body = (email: string) => ({
  campaign: "dnc-sekerbayeva-charges",
  supporter: { name: "Proof Spender", email, city: "Ottawa", country: "CA" },
  recipients: ["ca-mp-chong"],
  delivery: "email",
});

/** What refused a submission: the code at `botCheck`, or the error's own code. */
async function refusedBy(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.errors.find((e) => e.path === "botCheck")?.code ?? error.code;
    throw error;
  }
  return "accepted";
}

describe.each(testDatabases())("a bot-check proof lets one submission through, on $name", ({ open }) => {
  let database: TDatabase;
  const actionCount = async () => (await database.db.select({ n: count() }).from(actions))[0]!.n;

  beforeAll(async () => {
    database = await open();
    await importContent(database.db, await loadContent(path.join(process.cwd(), "templates")), "import");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("refuses the same proof a second time, with another body, and writes nothing for it", async () => {
    const proof = { key: "pow:replayed", expiresAt: LATER };
    const first = await submitAction(database.db, body("first.replay@example.org"), { now: NOW, proof });
    expect(first.created).toBe(true);
    const before = await actionCount();
    expect(await refusedBy(submitAction(database.db, body("second.replay@example.org"), { now: NOW, proof }))).toBe("botCheck.reused");
    expect(await actionCount()).toBe(before);
  });

  it("of two submissions sent at once with one proof, one is written", async () => {
    const proof = { key: "pow:raced", expiresAt: LATER };
    const outcomes = await Promise.all(
      ["a", "b", "c"].map((who) => refusedBy(submitAction(database.db, body(`race.${who}@example.org`), { now: NOW, proof }))),
    );
    expect(outcomes.filter((o) => o === "accepted")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "botCheck.reused")).toHaveLength(2);
  });

  it("answers a retry of an answered request (same key, same body, same proof) as it was first answered", async () => {
    const proof = { key: "pow:retried", expiresAt: LATER };
    const first = await submitAction(database.db, body("retry@example.org"), { now: NOW, proof, idempotencyKey: "retry-key" });
    const again = await submitAction(database.db, body("retry@example.org"), { now: NOW, proof, idempotencyKey: "retry-key" });
    expect(again).toMatchObject({ id: first.id, status: first.status, created: false });
  });

  it("does not spend a proof on a submission refused for its fields: the same proof then sends the corrected letters", async () => {
    const proof = { key: "pow:corrected", expiresAt: LATER };
    expect(await refusedBy(submitAction(database.db, { ...body("x@example.org"), supporter: { name: "", city: "", country: "CA" } }, { now: NOW, proof }))).toBe(
      "INVALID_INPUT",
    );
    expect((await submitAction(database.db, body("corrected@example.org"), { now: NOW, proof })).created).toBe(true);
  });

  it("housekeeping deletes spent proofs once they have expired, and only those", async () => {
    await submitAction(database.db, body("expiring@example.org"), { now: NOW, proof: { key: "pow:expiring", expiresAt: new Date(NOW.getTime() + 1000) } });
    const keys = async () => (await database.db.select({ key: spentBotProofs.key }).from(spentBotProofs)).map((r) => r.key).sort();
    expect(await keys()).toContain("pow:expiring");
    expect(await deleteSpentProofs(database.db, new Date(NOW.getTime() + 2000))).toBe(1);
    expect(await keys()).toEqual(["pow:corrected", "pow:raced", "pow:replayed", "pow:retried"]);
  });
});
