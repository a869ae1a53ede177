import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DNC_SLUG } from "../fixtures/seed-facts";

const action = (email: string) => ({
  campaign: DNC_SLUG,
  supporter: { name: "API Supporter", email, city: "Toronto", country: "CA" },
  recipients: ["ca-mp-mcpherson"],
  delivery: "email",
});

type TProblem = { status: number; errors: { path: string; message: string }[] };

test("[API] an action is accepted once per Idempotency-Key", async ({ request }) => {
  const key = randomUUID();
  const body = action(`api.${Date.now()}@example.org`);
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
    data: { ...action("x@example.org"), supporter: { name: "Eve\nBcc: a@b.c", email: "eve@example.org\r\nBcc: a@b.c", city: "T\rO", country: "CA" }, delivery: "pigeon" },
  });
  expect(bad.status()).toBe(422);
  expect(bad.headers()["content-type"]).toContain("application/problem+json");
  const problem = (await bad.json()) as TProblem;
  expect(problem.errors.map((e) => e.path).sort()).toEqual(["delivery", "supporter.city", "supporter.email", "supporter.name"]);

  const badKey = await request.post("/api/v1/actions", { data: action("y@example.org"), headers: { "idempotency-key": "not a valid key" } });
  expect(badKey.status()).toBe(422);
  expect(((await badKey.json()) as TProblem).errors[0]!.path).toBe("Idempotency-Key");
});
