import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { createBotChallenge } from "./create-bot-challenge";
import { checkFormSubmission, FORM_STAMP_MAX_AGE_MS } from "./check-form-submission";
import { stampForm } from "./stamp-form";
import { verifyBotProof } from "./verify-bot-proof";

async function solved(now = new Date()) {
  const challenge = await createBotChallenge(now);
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 30_000 });
  return { challenge, solution: solution! };
}

/** The code at `botCheck` of a refusal (and that the refusal is a 422 naming that field). */
async function refusal(run: () => unknown): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.status).toBe(422);
    expect(error.errors.map((e) => e.path)).toEqual(["botCheck"]);
    return error.errors[0]!.code;
  }
  throw new Error("expected a refusal");
}

describe("the proof of work (POST /api/v1/actions)", () => {
  it("accepts a challenge issued here and solved, and names it for the spent list", async () => {
    const proof = await solved();
    const passed = await verifyBotProof(proof);
    expect(passed.key).toBe(`pow:${proof.challenge.signature}`);
    expect(passed.expiresAt.getTime()).toBe(proof.challenge.parameters.expiresAt! * 1000);
  });

  it("takes real work: the counter found is the one the server picked, between half the difficulty and all of it", async () => {
    const { solution } = await solved();
    // BOT_CHECK_DIFFICULTY is unset here: the default, 50,000.
    expect(solution.counter).toBeGreaterThanOrEqual(25_000);
    expect(solution.counter).toBeLessThanOrEqual(50_000);
  });

  it("refuses no proof, a malformed one, a wrong solution, a tampered challenge, and an expired one, each with its code", async () => {
    expect(await refusal(() => verifyBotProof(undefined))).toBe("botCheck.missing");
    expect(await refusal(() => verifyBotProof("solved, trust me"))).toBe("botCheck.invalid");
    const proof = await solved();
    // (The derived key is the proof: the server checks its signature, so the counter sent with it does not matter.)
    expect(await refusal(() => verifyBotProof({ ...proof, solution: { ...proof.solution, derivedKey: "00".repeat(32) } }))).toBe("botCheck.invalid");
    // Easier work claimed: the parameters are signed, so any change is seen.
    const tampered = { ...proof, challenge: { ...proof.challenge, parameters: { ...proof.challenge.parameters, keyPrefix: "00" } } };
    expect(await refusal(() => verifyBotProof(tampered))).toBe("botCheck.invalid");
    const old = await solved(new Date(Date.now() - 2 * 60 * 60 * 1000));
    expect(await refusal(() => verifyBotProof(old))).toBe("botCheck.expired");
  });
});

describe("the form's own check (sent without JavaScript)", () => {
  const shown = new Date("2026-12-01T10:00:00Z");
  const at = (ms: number) => new Date(shown.getTime() + ms);

  it("passes a form sent after a few seconds with the trap empty, and names the stamp for the spent list", () => {
    const stamp = stampForm(shown);
    const passed = checkFormSubmission({ stamp, trap: "" }, at(20_000));
    expect(passed).toEqual({ key: `form:${stamp}`, expiresAt: at(FORM_STAMP_MAX_AGE_MS) });
    // A browser that leaves the trap out altogether is fine too.
    expect(checkFormSubmission({ stamp, trap: null }, at(20_000)).key).toBe(`form:${stamp}`);
  });

  it("refuses a Send sooner than a person fills the form in, a form shown too long ago, a filled trap, and a stamp not made here", async () => {
    const stamp = stampForm(shown);
    expect(await refusal(() => checkFormSubmission({ stamp, trap: "" }, at(1_500)))).toBe("botCheck.tooFast");
    expect(await refusal(() => checkFormSubmission({ stamp, trap: "" }, at(FORM_STAMP_MAX_AGE_MS + 1)))).toBe("botCheck.formExpired");
    expect(await refusal(() => checkFormSubmission({ stamp, trap: "https://spam.example" }, at(20_000)))).toBe("botCheck.trap");
    const [time, random, signature] = stamp.split(".");
    // Made to look older than it is: the signature covers the time.
    const earlier = `${(shown.getTime() - 60_000).toString(36)}.${random}.${signature}`;
    expect(await refusal(() => checkFormSubmission({ stamp: earlier, trap: "" }, at(1_000)))).toBe("botCheck.formExpired");
    expect(await refusal(() => checkFormSubmission({ stamp: `${time}.${random}.${"A".repeat(43)}`, trap: "" }, at(20_000)))).toBe("botCheck.formExpired");
    expect(await refusal(() => checkFormSubmission({ stamp: undefined, trap: "" }, at(20_000)))).toBe("botCheck.formExpired");
    expect(await refusal(() => checkFormSubmission({ stamp: "\u0000".repeat(500), trap: "" }, at(20_000)))).toBe("botCheck.formExpired");
  });
});
