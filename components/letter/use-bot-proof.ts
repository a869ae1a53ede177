"use client";
import { useCallback, useEffect, useRef } from "react";
import type { Challenge, Solution } from "altcha-lib";

/** The `botCheck` field of a submission: a challenge from GET /api/v1/bot-check and its solution. */
export type TBotProof = { challenge: Challenge; solution: Solution };

/** A proof whose challenge ends sooner than this is replaced before it is sent (the server would refuse it). */
const FRESH_FOR_MS = 2 * 60_000;

/**
 * The composer's bot check: a proof of work solved in the background from the moment the composer runs, so that
 * Send does not wait for it (a supporter takes minutes to write; a solve takes about a second). `get` answers the
 * proof to send (waiting for a solve in progress, or starting one when the held proof is spent or near its end);
 * `renew` starts over, after the server said the proof was spent or refused. Undefined when no proof could be made
 * (offline, a browser without Web Crypto): the composer then says sending failed, and nothing typed is lost.
 */
export function useBotProof(): { get: () => Promise<TBotProof | undefined>; renew: () => void } {
  const current = useRef<Promise<TBotProof | undefined> | undefined>(undefined);
  const renew = useCallback(() => {
    const made = makeProof();
    current.current = made;
    // A failed solve is not kept: the next Send tries again.
    void made.then((proof) => {
      if (!proof && current.current === made) current.current = undefined;
    });
  }, []);
  useEffect(() => {
    if (!current.current) renew();
  }, [renew]);
  const get = useCallback(async () => {
    if (!current.current) renew();
    let proof = await current.current;
    if (!proof || proof.challenge.parameters.expiresAt! * 1000 - Date.now() < FRESH_FOR_MS) {
      renew();
      proof = await current.current;
    }
    return proof;
  }, [renew]);
  return { get, renew };
}

async function makeProof(): Promise<TBotProof | undefined> {
  try {
    const [{ solveBotChallenge }, response] = await Promise.all([import("./solve-bot-challenge"), fetch("/api/v1/bot-check", { cache: "no-store" })]);
    if (!response.ok) return undefined;
    const challenge = (await response.json()) as Challenge;
    const solution = await solveBotChallenge(challenge);
    return solution ? { challenge, solution } : undefined;
  } catch {
    return undefined;
  }
}
