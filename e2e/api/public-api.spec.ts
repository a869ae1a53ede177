import { expect, test } from "@playwright/test";
import { DNC_SLUG, FLD_SLUG, VERIFIED_EMAILS } from "../fixtures/seed-facts";

test("[API] health answers ok with the database reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});

test("[API] the live campaigns are listed with their languages and letter counters", async ({ request }) => {
  const response = await request.get("/api/v1/campaigns");
  expect(response.status()).toBe(200);
  const list = (await response.json()) as { slug: string; title: string; status: string; languages: string[]; counters: { letters: number } }[];
  // The Front Line Defenders campaign is closed: it is not listed. (The admin's browser tests may add fictional
  // live campaigns of their own to the same database: only the seeded ones are asserted.)
  expect(list.map((c) => c.slug)).toContain(DNC_SLUG);
  expect(list.map((c) => c.slug)).not.toContain(FLD_SLUG);
  for (const campaign of list) {
    expect(campaign.status).toBe("live");
    expect(campaign.languages).toContain("en");
    expect(campaign.counters.letters).toBeGreaterThanOrEqual(0);
    expect(campaign.title.length).toBeGreaterThan(10);
  }
  const dnc = list.find((c) => c.slug === DNC_SLUG)! as (typeof list)[number] & { asOf: string; latestUpdate: { date: string; text: string; source: string } };
  expect(dnc.languages).toEqual(["en", "fr", "ru", "kk"]);
  // Where the case stands: when that was last checked, and the newest dated update with its source.
  expect(dnc.asOf).toBe("2026-12-01");
  expect(dnc.latestUpdate.text.length).toBeGreaterThan(10);
  expect(dnc.latestUpdate.source.length).toBeGreaterThan(3);
});

test("[API] the closed campaign is still served, marked closed, with its closing update", async ({ request }) => {
  const response = await request.get(`/api/v1/campaigns/${FLD_SLUG}`);
  expect(response.status()).toBe(200);
  const fld = (await response.json()) as { status: string; asOf: string; latestUpdate: { date: string; text: string; source: string }; languages: string[] };
  expect(fld.status).toBe("closed");
  expect(fld.languages).toEqual(["en", "ru", "kk"]);
  expect(fld.asOf).toBe("2026-12-01");
  expect(fld.latestUpdate.text).toContain("released");
  expect(fld.latestUpdate.text).toContain("/c/dnc-sekerbayeva-charges");
});

test("[API] a campaign lists its audiences and recipients with their channels", async ({ request }) => {
  const response = await request.get(`/api/v1/campaigns/${DNC_SLUG}`);
  expect(response.status()).toBe(200);
  const campaign = (await response.json()) as {
    slug: string;
    summary: string;
    audiences: { id: string; recipients: { id: string; channels: string[]; country: string }[] }[];
  };
  expect(campaign.slug).toBe(DNC_SLUG);
  expect(campaign.audiences.map((a) => a.id)).toEqual(["kazakhstan-authorities", "canada-government"]);
  const canada = campaign.audiences.find((a) => a.id === "canada-government")!;
  for (const recipient of canada.recipients) {
    expect(recipient.country).toBe("CA");
    // Only recipients with a verified email can be written to by email.
    expect(recipient.channels.includes("email")).toBe(recipient.id in VERIFIED_EMAILS);
  }
  const kazakhstan = campaign.audiences.find((a) => a.id === "kazakhstan-authorities")!;
  for (const recipient of kazakhstan.recipients) expect(recipient.channels).toEqual(["post"]);
  // Emails themselves are not published by the API.
  expect(JSON.stringify(campaign)).not.toContain("@parl.gc.ca");
});

test("[API] an unknown campaign is a 404 problem", async ({ request }) => {
  const response = await request.get("/api/v1/campaigns/no-such-campaign");
  expect(response.status()).toBe(404);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const body = (await response.json()) as { type: string; title: string; status: number; errors: { path: string }[] };
  expect(body.status).toBe(404);
  expect(body.title).toContain("no-such-campaign");
  expect(body.errors[0]!.path).toBe("slug");
});
