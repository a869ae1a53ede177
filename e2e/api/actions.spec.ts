import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DNC_SLUG, FLD_SLUG } from "../fixtures/seed-facts";
import { withBotCheck } from "../../test/bot-check";

const action = (email: string) => ({
  campaign: DNC_SLUG,
  supporter: { name: "API Supporter", email, city: "Toronto", country: "CA" },
  recipients: ["ca-mp-mcpherson"],
  delivery: "email",
});

type TProblem = { status: number; errors: { path: string; message: string }[] };

test("[API] an action is accepted once per Idempotency-Key", async ({ request }) => {
  const key = randomUUID();
  // The retry of a request is the same request: the same key, body and bot check.
  const body = await withBotCheck(request, action(`api.${Date.now()}@example.org`));
  const first = await request.post("/api/v1/actions", { data: body, headers: { "idempotency-key": key } });
  expect(first.status()).toBe(202);
  const answer = (await first.json()) as { id: string; status: string };
  expect(answer.status).toBe("awaiting-confirmation");
  const again = await request.post("/api/v1/actions", { data: body, headers: { "idempotency-key": key } });
  expect(again.status()).toBe(202);
  expect(await again.json()).toEqual(answer);
  const status = await request.get(`/api/v1/actions/${answer.id}`);
  expect(((await status.json()) as { letters: unknown[] }).letters).toHaveLength(1);
});

test("[API] bad actions are 422 problems with field paths, and a CR or LF in a header value is refused", async ({ request }) => {
  const bad = await request.post("/api/v1/actions", {
    data: { ...(await withBotCheck(request, action("x@example.org"))), supporter: { name: "Eve\nBcc: a@b.c", email: "eve@example.org\r\nBcc: a@b.c", city: "T\rO", country: "CA" }, delivery: "pigeon" },
  });
  expect(bad.status()).toBe(422);
  expect(bad.headers()["content-type"]).toContain("application/problem+json");
  const problem = (await bad.json()) as TProblem;
  expect(problem.errors.map((e) => e.path).sort()).toEqual(["delivery", "supporter.city", "supporter.email", "supporter.name"]);

  const badKey = await request.post("/api/v1/actions", { data: await withBotCheck(request, action("y@example.org")), headers: { "idempotency-key": "not a valid key" } });
  expect(badKey.status()).toBe(422);
  expect(((await badKey.json()) as TProblem).errors[0]!.path).toBe("Idempotency-Key");
});

test("[API] a submission to the closed campaign answers 409 problem+json and writes nothing", async ({ request }) => {
  const counted = async () => ((await (await request.get(`/api/v1/campaigns/${FLD_SLUG}`)).json()) as { status: string }).status;
  expect(await counted()).toBe("closed");
  const email = `closed.${Date.now()}@example.org`;
  const key = randomUUID();
  const closed = await request.post("/api/v1/actions", {
    data: await withBotCheck(request, { campaign: FLD_SLUG, supporter: { name: "Late Supporter", email, city: "Cork", country: "IE" }, recipients: ["kz-president"], delivery: "post" }),
    headers: { "idempotency-key": key },
  });
  expect(closed.status()).toBe(409);
  expect(closed.headers()["content-type"]).toContain("application/problem+json");
  const problem = (await closed.json()) as TProblem & { title: string; type: string };
  expect(problem.status).toBe(409);
  expect(problem.title).toMatch(/campaign is closed/);
  expect(problem.errors).toEqual([{ path: "campaign", message: expect.stringMatching(/closed/) }]);

  // Nothing was written: the same key is still free for a new action, which gets a fresh id and only its own letter,
  // and no confirmation was mailed for the refused one.
  const other = `open.${Date.now()}@example.org`;
  const fresh = await request.post("/api/v1/actions", { data: await withBotCheck(request, action(other)), headers: { "idempotency-key": key } });
  expect(fresh.status()).toBe(202);
  const { id } = (await fresh.json()) as { id: string };
  const status = (await (await request.get(`/api/v1/actions/${id}`)).json()) as { letters: { recipientId: string }[] };
  expect(status.letters.map((l) => l.recipientId)).toEqual(["ca-mp-mcpherson"]);
  // Once the sender has mailed the new action's confirmation, there is still none for the refused one.
  await expect.poll(async () => (await (await request.get("/dev/mail")).text()).includes(other), { timeout: 20_000 }).toBe(true);
  expect(await (await request.get("/dev/mail")).text()).not.toContain(email);
});
