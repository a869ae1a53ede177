/**
 * Two instances and two workers on one Postgres, behind nginx (test/cluster.ts): submissions and confirmations work
 * through the proxy, whichever instance answers; the per-IP and per-email limits are one count across instances
 * (they live in SQL); no letter is sent twice (Message-IDs counted at a real SMTP server); and an admin's edit is
 * seen by both instances on their next request. Without nginx installed the
 * same checks run against the two instances directly (.ci/run installs it).
 */
import { expect, test } from "@playwright/test";
import { templateKey, type TTemplateDoc } from "@/lib/content/docs";
import { readPublished } from "@/lib/content/read-doc";
import { saveTemplate } from "@/lib/content/save-template";
import { openDatabase } from "@/lib/db/open";
import { letters } from "@/lib/db/schema";
import { startTestSmtp } from "@/test/delivery/smtp";
import { opsPort } from "@/test/app-process";
import { startCluster } from "@/test/cluster";
import { createScratchDatabase } from "@/test/scratch-postgres";
import { withBotCheck } from "@/test/bot-check";

const base = process.env.DATABASE_URL?.trim();
const SUPPORTERS = 6;
const RECIPIENTS = ["ca-minister-foreign-affairs", "ca-parl-sec-foreign-affairs"];

type TPost = { status: number; json: Record<string, unknown>; headers: Headers };

/** POSTs `body`; a submission gets its bot check solved first, against the instance it goes to. */
async function post(url: string, body: object, forwardedFor: string): Promise<TPost> {
  const sent = url.endsWith("/api/v1/actions") ? await withBotCheck(new URL(url).origin, body) : body;
  return postAsIs(url, sent, forwardedFor);
}

async function postAsIs(url: string, body: unknown, forwardedFor: string): Promise<TPost> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
}

const action = (email: string) => ({
  campaign: "dnc-sekerbayeva-charges",
  supporter: { name: "Scale Supporter", email, city: "Toronto", country: "CA" },
  recipients: RECIPIENTS,
  delivery: "email",
});

if (base) {
  test("[OPS] two instances and two workers behind nginx share limits and caches and send every letter once", async () => {
    test.setTimeout(240_000);
    const scratch = await createScratchDatabase(base);
    const smtp = await startTestSmtp();
    const cluster = await startCluster({
      databaseUrl: scratch.url,
      smtpUrl: smtp.url,
      ports: { proxy: opsPort(6), instances: [opsPort(7), opsPort(8)] },
      workers: 2,
      env: { RATE_LIMIT_IP_PER_HOUR: "3", RATE_LIMIT_EMAIL_PER_HOUR: "2", PDF_THREADS: "1" },
    });
    const [a, b] = cluster.instances as [(typeof cluster.instances)[0], (typeof cluster.instances)[0]];
    const front = cluster.proxyUrl ?? a.url;
    const database = await openDatabase({ databaseUrl: scratch.url, migrate: false });
    try {
      // Submissions through the proxy, each from its own supporter and address.
      const ids: string[] = [];
      for (let i = 0; i < SUPPORTERS; i++) {
        const answer = await post(`${front}/api/v1/actions`, action(`scale.${i}@example.org`), `10.60.0.${i + 1}`);
        expect(answer.status, JSON.stringify(answer.json)).toBe(202);
        ids.push(String(answer.json.id));
      }

      // The workers mail the confirmation links; each is pressed through the proxy, and once more on each instance.
      await smtp.waitForMessages(SUPPORTERS, 60_000);
      const confirmations = (await smtp.messages()).filter((m) => m.subject?.startsWith("Please confirm"));
      expect(confirmations).toHaveLength(SUPPORTERS);
      for (const mail of confirmations) {
        const token = /\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text ?? "")?.[1];
        expect(token).toBeTruthy();
        for (const target of [front, a.url, b.url]) {
          const response = await fetch(`${target}/confirm/${token}/send`, { method: "POST", redirect: "manual" });
          expect(response.status).toBe(303);
          expect(response.headers.get("location")).toContain("/thanks?action=");
        }
      }

      // Every letter arrives, once: the two workers never take the same one.
      const letterCount = SUPPORTERS * RECIPIENTS.length;
      await smtp.waitForMessages(SUPPORTERS + letterCount, 90_000);
      // Two more passes of both workers' loops, for a duplicate to show up if there were one.
      await new Promise((r) => setTimeout(r, 5000));
      const letterIds = (await smtp.messages()).map((m) => m.messageId ?? "").filter((id) => id.startsWith("<letter-"));
      expect(letterIds).toHaveLength(letterCount);
      expect(new Set(letterIds).size).toBe(letterCount);
      const rows = await database.db.select().from(letters);
      expect(rows.filter((r) => r.status === "sent")).toHaveLength(letterCount);
      expect(new Set(rows.map((r) => `<letter-${r.id}@urgent-letters.localhost>`))).toEqual(new Set(letterIds));
      for (const id of ids) {
        const status = (await (await fetch(`${b.url}/api/v1/actions/${id}`)).json()) as { letters: { status: string }[] };
        expect(status.letters.map((l) => l.status)).toEqual(RECIPIENTS.map(() => "sent"));
      }

      // The per-IP limit (3 an hour) is one count: A, B, A accepted, then B refuses, and so does the proxy.
      const ip = "10.61.0.1";
      const byIp = [];
      for (const [i, target] of [a.url, b.url, a.url, b.url, front].entries()) {
        byIp.push((await post(`${target}/api/v1/actions`, action(`limit.ip.${i}@example.org`), ip)).status);
      }
      expect(byIp).toEqual([202, 202, 202, 429, 429]);
      // The per-email limit (2 an hour) too, whatever the address.
      const byEmail = [];
      for (const [i, target] of [b.url, a.url, b.url, a.url].entries()) {
        byEmail.push((await post(`${target}/api/v1/actions`, action("limit.mailbox@example.org"), `10.62.0.${i + 1}`)).status);
      }
      expect(byEmail).toEqual([202, 202, 429, 429]);
      // A solved bot check lets one submission through, whichever instance it goes to: B refuses what A took.
      const once = await withBotCheck(front, action("replay@example.org"));
      expect((await postAsIs(`${a.url}/api/v1/actions`, once, "10.64.0.1")).status).toBe(202);
      const replay = await postAsIs(`${b.url}/api/v1/actions`, { ...once, supporter: { ...once.supporter, email: "replay.2@example.org" } }, "10.64.0.2");
      expect(replay.status).toBe(422);
      expect(replay.json.errors).toEqual([expect.objectContaining({ path: "botCheck", code: "botCheck.reused" })]);

      // An admin edit (the admin's own lib call: a template published as a new version) reaches both instances on
      // their next request: each caches content by the revision that the edit bumps, with no timer to wait out.
      const preview = async (target: string) => {
        const answer = await post(`${target}/api/v1/letters/preview`, { ...action("preview@example.org"), language: "en" }, "10.63.0.1");
        expect(answer.status).toBe(200);
        return (answer.json.letters as { subject: string }[]).map((l) => l.subject);
      };
      const edited = "Edited in the database: please raise the case";
      expect(await preview(a.url)).not.toContain(edited);
      expect(await preview(b.url)).not.toContain(edited);
      const key = templateKey("dnc-sekerbayeva-charges", "canada-government", "en");
      const current = (await readPublished(database.db, "template", key))!.doc as TTemplateDoc;
      await saveTemplate(database.db, key, { ...current, subjects: [edited] }, "editor@example.org", "publish");
      for (const target of [a.url, b.url]) expect(await preview(target)).toEqual(RECIPIENTS.map(() => edited));
      // Nothing on the way answered 500 or crashed.
      for (const p of [...cluster.instances, ...cluster.workers]) expect(p.output()).not.toContain("uncaughtException");
      // Workers stop on SIGTERM as the instances do: exit 0, within 10 s.
      for (const worker of cluster.workers) {
        const asked = Date.now();
        await worker.stop(15_000);
        const exit = await worker.exited;
        expect({ code: exit.code, signal: exit.signal }, worker.output().slice(-2000)).toEqual({ code: 0, signal: null });
        expect(exit.at - asked).toBeLessThanOrEqual(10_000);
      }
    } finally {
      await database.close();
      await cluster.stop();
      await smtp.stop();
      await scratch.drop();
    }
  });
}
