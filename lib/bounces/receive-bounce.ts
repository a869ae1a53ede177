/**
 * One message that came back to the letters' return path, from the SMTP receiver or the HTTP endpoint: read it,
 * find the letter or digest it is about (the envelope recipient's VERP id; for HTTP forwards, which lose the
 * envelope, the Delivered-To / X-Original-To / To headers; else the Message-ID it quotes), and record it.
 */
import "server-only";
import type { TDb } from "@/lib/db/open";
import { idFromBounceAddress } from "@/lib/delivery/bounce-address";
import type { TMessageSettings } from "@/lib/delivery/message-parts";
import { parseBounce, type TBounceReport } from "./parse-bounce";
import { recordBounce, type TBounceOutcome } from "./record-bounce";

export type TReceived = { report: TBounceReport; outcomes: TBounceOutcome[] };

const ADDRESS = /[^\s<>,;:"]+@[^\s<>,;:"]+/g;

function headerAddresses(raw: string): string[] {
  const head = raw.slice(0, Math.max(0, raw.search(/\r?\n\r?\n/))) || raw.slice(0, 64 * 1024);
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  return [...unfolded.matchAll(/^(?:delivered-to|x-original-to|envelope-to|to):(.*)$/gim)].flatMap((m) => m[1]!.match(ADDRESS) ?? []);
}

export async function receiveBounce(
  db: TDb,
  o: { raw: Buffer; envelopeTo?: string[]; settings: Pick<TMessageSettings, "mailFrom" | "bounceAddress">; now: Date },
): Promise<TReceived> {
  const report = await parseBounce(o.raw);
  const idsOf = (addresses: string[]) => [...new Set(addresses.map((a) => idFromBounceAddress(a, o.settings)).filter((id): id is string => Boolean(id)))];
  let ids = idsOf(o.envelopeTo ?? []);
  if (ids.length === 0) ids = idsOf(headerAddresses(o.raw.toString("utf8")));
  const outcomes: TBounceOutcome[] = [];
  // No return path of ours: the Message-ID the report quotes is all there is to go on.
  for (const verpId of ids.length > 0 ? ids : [undefined]) outcomes.push(await recordBounce(db, { verpId, report, now: o.now }));
  return { report, outcomes };
}
