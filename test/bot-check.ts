/**
 * The one way tests, benches and scripts pass the bot check of POST /api/v1/actions: they do what the composer
 * does, for real (fetch a challenge from the server, solve it with ALTCHA's solver, send the solution), never a
 * switch that turns the check off. Servers started for tests set BOT_CHECK_DIFFICULTY low, so a solve takes a few
 * hash rounds instead of a second of a phone's time.
 */
import { solveChallenge, type Challenge, type Solution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";

/** The difficulty the test servers are started with (BOT_CHECK_DIFFICULTY): a few rounds, still a real solve. */
export const TEST_BOT_CHECK_DIFFICULTY = "20";
/**
 * The browser tests' time trap for the form sent without JavaScript (BOT_CHECK_MIN_FORM_SECONDS), longer than the
 * default 3 s: a test filling the form "too fast" must stay under it even on a loaded machine, and the tests that send
 * at a person's pace wait it out.
 */
export const TEST_MIN_FORM_SECONDS = 6;

export type TBotCheck = { challenge: Challenge; solution: Solution };

/** Something that can GET a path and read JSON: a base URL (fetch), or Playwright's `request` fixture. */
export type TChallengeSource = string | { get(url: string): Promise<{ ok(): boolean; status(): number; json(): Promise<unknown> }> };

/** A fresh challenge from the server, solved: the `botCheck` field of one submission. */
export async function solveBotCheck(source: TChallengeSource): Promise<TBotCheck> {
  let challenge: Challenge;
  if (typeof source === "string") {
    const response = await fetch(`${source}/api/v1/bot-check`);
    if (!response.ok) throw new Error(`GET /api/v1/bot-check answered ${response.status}`);
    challenge = (await response.json()) as Challenge;
  } else {
    const response = await source.get("/api/v1/bot-check");
    if (!response.ok()) throw new Error(`GET /api/v1/bot-check answered ${response.status()}`);
    challenge = (await response.json()) as Challenge;
  }
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 30_000 });
  if (!solution) throw new Error("the bot-check challenge could not be solved in 30 s: is BOT_CHECK_DIFFICULTY set low for tests?");
  return { challenge, solution };
}

/** A submission body with a solved bot check added. */
export async function withBotCheck<T extends object>(source: TChallengeSource, body: T): Promise<T & { botCheck: TBotCheck }> {
  return { ...body, botCheck: await solveBotCheck(source) };
}

/**
 * Solved bot checks made ahead, for load generators that build each request synchronously (autocannon): fill the
 * pool before a measured phase (its challenges are fetched from the server then, not while it is measured), and
 * take one per request. A request made when the pool is dry goes without one and is refused (422), so it shows in
 * the bench's non-202 count rather than passing unchecked.
 */
export class BotCheckPool {
  private proofs: TBotCheck[] = [];
  private url: string | undefined;
  dry = 0;

  async fill(url: string, count: number, concurrency = 16): Promise<void> {
    // Another server signs with another secret: what was left for the last one is of no use to this one.
    if (url !== this.url) {
      this.proofs = [];
      this.url = url;
    }
    let left = count - this.proofs.length;
    const worker = async () => {
      while (left-- > 0) this.proofs.push(await solveBotCheck(url));
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  take(): TBotCheck | undefined {
    const proof = this.proofs.pop();
    if (!proof) this.dry += 1;
    return proof;
  }
}
