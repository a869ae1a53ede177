import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type TDatabase } from "@/lib/db/open";
import { letters } from "@/lib/db/schema";
import { testDatabases } from "@/test/databases";
import { claimDigestLetters, claimDueLetters } from "./claim-letters";
import { seedCampaign, seedLetters, seedRecipient, wipeDelivery } from "@/test/delivery/seed";

const t0 = new Date("2026-03-02T10:00:00Z");
const lock = new Date(t0.getTime() + 60_000);

describe.each(testDatabases())("claiming letters on $name", ({ name, open }) => {
  let database: TDatabase & { url?: string };
  let official: string;
  let slug: string;

  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await wipeDelivery(database.db);
    slug = await seedCampaign(database.db);
    official = await seedRecipient(database.db);
  });

  it("never takes more than asked, even from a large queue", async () => {
    // With `id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)` Postgres took 912 letters when asked for 689.
    await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 1000, queuedAt: t0 });
    expect(await claimDueLetters(database.db, { now: t0, lockUntil: lock, limit: 50 })).toHaveLength(50);
    const digest = await claimDigestLetters(database.db, { recipientId: official, now: t0, lockUntil: lock, limit: 689 });
    expect(digest).toHaveLength(689);
    const sending = await database.db.select({ id: letters.id }).from(letters).where(eq(letters.status, "sending"));
    expect(sending).toHaveLength(739);
  });

  it("takes due letters oldest first, and letters for a digest oldest written first", async () => {
    const ids = await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 4, queuedAt: t0 });
    await database.db.update(letters).set({ nextAttemptAt: new Date(t0.getTime() - 5000) }).where(eq(letters.id, ids[3]!));
    await database.db.update(letters).set({ nextAttemptAt: new Date(t0.getTime() + 5000) }).where(eq(letters.id, ids[0]!));
    const due = await claimDueLetters(database.db, { now: t0, lockUntil: lock, limit: 10 });
    expect(due.map((l) => l.id)).toEqual([ids[3], ids[1], ids[2]]);
    expect(due.every((l) => l.status === "sending" && l.lockedUntil?.getTime() === lock.getTime())).toBe(true);
    // The one not due yet may still ride in a digest.
    expect((await claimDigestLetters(database.db, { recipientId: official, now: t0, lockUntil: lock, limit: 10 })).map((l) => l.id)).toEqual([ids[0]]);
  });

  if (name === "postgres") {
    it("gives two workers claiming at the same moment disjoint letters", async () => {
      const second = await openDatabase({ databaseUrl: database.url!, migrate: false });
      try {
        await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 200, queuedAt: t0 });
        const rounds = await Promise.all(
          [database, second, database, second].map((d) => claimDueLetters(d.db, { now: t0, lockUntil: lock, limit: 60 })),
        );
        const all = rounds.flat().map((l) => l.id);
        expect(all).toHaveLength(200);
        expect(new Set(all).size).toBe(200);
      } finally {
        await second.close();
      }
    });
  }
});
