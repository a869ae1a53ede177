/**
 * The heartbeat of a delivery pass. A pass claims letters with a short lock (20 s) and renews it every few seconds
 * while it works, so a worker that dies is taken over within one lock's length, while a live worker keeps its
 * letters however long a slow SMTP server makes it take.
 *
 * Every letter of a pass carries the same `locked_until`, and that value is the token the pass's updates are guarded
 * with (letter-outcomes.ts): a renewal changes the token. An outcome written with the old token after the renewal
 * landed would match no row and the letter would be sent again later, so renewals and guarded writes exclude each
 * other: writes run side by side, a renewal waits for those in progress and holds new ones back for its one
 * statement (a few milliseconds).
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { letters } from "@/lib/db/schema";

export type TLockKeeper = {
  /** The lock value this pass's letters carry now. */
  readonly lock: Date;
  /** Runs one guarded write with the current lock value; a renewal never changes it while the write runs. */
  withLock<T>(write: (lock: Date) => Promise<T>): Promise<T>;
  /** Stops renewing (the pass is over, or the worker stops); resolves once a renewal in progress has ended. */
  stop(): Promise<void>;
};

export function keepLocks(options: {
  db: TDb;
  /** The lock value the claim wrote. */
  lock: Date;
  lockMs: number;
  everyMs: number;
  now: () => Date;
  log: (message: string) => void;
}): TLockKeeper {
  const { db, lockMs, now, log } = options;
  let current = options.lock;
  let active = 0;
  let drained: (() => void) | null = null;
  let renewing: Promise<void> | null = null;
  let stopped = false;

  async function renew(): Promise<void> {
    let release!: () => void;
    renewing = new Promise<void>((resolve) => (release = resolve));
    try {
      if (active > 0) await new Promise<void>((resolve) => (drained = resolve));
      drained = null;
      const next = new Date(now().getTime() + lockMs);
      // A test clock that stands still gives the same value: nothing to renew.
      if (stopped || next.getTime() <= current.getTime()) return;
      await db
        .update(letters)
        .set({ lockedUntil: next })
        .where(and(eq(letters.status, "sending"), eq(letters.lockedUntil, current)));
      current = next;
    } catch (error) {
      // The database is unreachable: the lock keeps its old value and runs down; the pass stops starting sends
      // once too little of it is left (send-due-letters.ts), and another worker takes the letters after it expires.
      log(`lock renewal failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      renewing = null;
      release();
    }
  }

  const timer = setInterval(() => {
    if (!renewing && !stopped) void renew();
  }, options.everyMs);
  timer.unref();

  return {
    get lock() {
      return current;
    },
    async withLock(write) {
      while (renewing) await renewing;
      active += 1;
      try {
        return await write(current);
      } finally {
        active -= 1;
        if (active === 0) drained?.();
      }
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (renewing) await renewing;
    },
  };
}
