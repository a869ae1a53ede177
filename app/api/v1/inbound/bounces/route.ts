import { NextResponse } from "next/server";
import type { z } from "zod";
import { ZInboundBounceAccepted } from "@/lib/schemas/api-responses";
import { checkInboundSecret } from "@/lib/bounces/check-inbound-secret";
import { receiveBounce } from "@/lib/bounces/receive-bounce";
import { INBOUND_MAX_BYTES } from "@/lib/bounces/start-inbound-server";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { methodNotAllowed, route } from "@/lib/http/route";
import { readRawBody } from "@/lib/http/read-raw-body";

export const dynamic = "force-dynamic";

/**
 * A bounce or automatic reply forwarded by a mail provider as raw MIME (message/rfc822 or text/plain), for sites
 * whose bounces do not reach `npm run inbound`. 202 with what it was read as and the letters it matched.
 */
export const POST = route({}, async (request) => {
  const settings = env();
  checkInboundSecret(request.headers, settings.INBOUND_SECRET);
  const raw = await readRawBody(request, { types: /^(message\/rfc822|text\/plain)\b/i, typeText: "message/rfc822 or text/plain", limit: INBOUND_MAX_BYTES });
  const to = new URL(request.url).searchParams.getAll("to");
  const { report, outcomes } = await receiveBounce(await db(), {
    raw,
    envelopeTo: to,
    settings: { mailFrom: settings.MAIL_FROM, bounceAddress: settings.BOUNCE_ADDRESS },
    now: new Date(),
  });
  return NextResponse.json(
    {
      kind: report.kind,
      status: report.status ?? null,
      summary: report.summary,
      letters: outcomes.flatMap((o) => o.letterIds),
      bounced: outcomes.reduce((n, o) => n + o.bounced, 0),
      matchedBy: outcomes.find((o) => o.matchedBy !== "none")?.matchedBy ?? "none",
    } satisfies z.input<typeof ZInboundBounceAccepted>,
    { status: 202 },
  );
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
