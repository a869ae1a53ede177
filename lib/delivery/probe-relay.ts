/**
 * While sending is paused, a worker tries the relay now and then with a real message: the alert to every owner and
 * editor that the relay accepts mail again. The first one the relay takes is both the proof and the news; after it
 * no more probes go out, and sending stays paused until an owner resumes (the fix may need checking first).
 */
import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { campaigners, relayState } from "@/lib/db/schema";
import type { TMailTransport } from "@/lib/mail/transport";
import { pauseOf, RELAY_STATE_ID, readRelayState } from "./read-relay-state";
import { buildRelayAlertMessage } from "./relay-alert-message";
import { classifySendError } from "./send-errors";

export type TProbeResult = "not-paused" | "alerted-already" | "no-campaigners" | "accepts" | "refuses";

export async function probeRelay(o: {
  db: TDb;
  transport: TMailTransport;
  now: Date;
  mailFrom: string;
  organisationName: string;
  adminUrl: string;
}): Promise<TProbeResult> {
  const pause = pauseOf(await readRelayState(o.db));
  if (!pause) return "not-paused";
  if (pause.acceptsAgainAt) return "alerted-already";
  const to = await o.db
    .select({ name: campaigners.name, email: campaigners.email })
    .from(campaigners)
    .where(inArray(campaigners.role, ["owner", "editor"]))
    .orderBy(campaigners.createdAt);
  if (to.length === 0) return "no-campaigners";
  const message = buildRelayAlertMessage({ organisationName: o.organisationName, pausedAt: pause.pausedAt, reply: pause.reply, adminUrl: o.adminUrl });
  try {
    await o.transport.send(
      {
        from: { name: o.organisationName, address: o.mailFrom },
        to: to.map((c) => ({ name: c.name, address: c.email })),
        envelope: { from: o.mailFrom, to: to.map((c) => c.email) },
        ...message,
      },
      "relay-alert",
    );
  } catch (error) {
    const failure = classifySendError(error);
    await o.db.update(relayState).set({ probedAt: o.now, probeReply: failure.reply, updatedAt: o.now }).where(eq(relayState.id, RELAY_STATE_ID));
    return "refuses";
  }
  await o.db
    .update(relayState)
    .set({ alertSentAt: o.now, probedAt: o.now, probeReply: null, updatedAt: o.now })
    .where(and(eq(relayState.id, RELAY_STATE_ID), isNull(relayState.alertSentAt)));
  return "accepts";
}
