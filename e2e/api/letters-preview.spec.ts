import { expect, test } from "@playwright/test";
import { pdfPages, squash } from "../fixtures/pdf-text";
import { DNC_DEMANDS_KZ, DNC_SLUG, FLD_SLUG } from "../fixtures/seed-facts";

const valid = {
  campaign: DNC_SLUG,
  supporter: { name: "Әсем Нұрланова", email: "asem@example.org", city: "Toronto", country: "CA" },
  recipients: ["kz-president", "kz-embassy-uk"],
};

type TProblem = { type: string; title: string; status: number; errors: { path: string; message: string }[] };

test("[API] the preview answers the letters as JSON", async ({ request }) => {
  const response = await request.post("/api/v1/letters/preview", { data: { ...valid, language: "kk", personalNote: "Сәлем" } });
  expect(response.status()).toBe(200);
  const { letters } = (await response.json()) as { letters: { recipientId: string; language: string; subject: string; text: string }[] };
  expect(letters.map((l) => l.recipientId)).toEqual(["kz-president", "kz-embassy-uk"]);
  expect(letters.every((l) => l.language === "kk")).toBe(true);
  expect(letters[0]!.text).toContain("Құрметті Президент мырза!");
  expect(letters[0]!.text).toContain("Сәлем");
  // Subjects rotate from one letter to the next.
  expect(letters[0]!.subject).not.toBe(letters[1]!.subject);
});

test("[API] the preview answers a print-ready PDF when asked for one", async ({ request }) => {
  const response = await request.post("/api/v1/letters/preview", { data: valid, headers: { accept: "application/pdf" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const { pages, width, height } = await pdfPages(await response.body());
  const all = squash(pages.join(" "));
  for (const demand of DNC_DEMANDS_KZ) expect(all).toContain(squash(demand));
  expect(all).toContain("Әсем Нұрланова");
  // A Canadian supporter prints on Letter paper.
  expect([Math.round(width), Math.round(height)]).toEqual([612, 792]);
});

test("[API] bad input is a 422 problem with one entry per bad field", async ({ request }) => {
  const response = await request.post("/api/v1/letters/preview", {
    data: {
      campaign: DNC_SLUG,
      language: "de",
      supporter: { name: "", email: "not-an-email", city: "Cork", country: "XX" },
      personalNote: "x".repeat(2001),
      recipients: ["kz-president", "ie-minister-foreign-affairs"],
    },
  });
  expect(response.status()).toBe(422);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const problem = (await response.json()) as TProblem;
  expect(problem.status).toBe(422);
  const paths = problem.errors.map((e) => e.path).sort();
  expect(paths).toEqual(["language", "personalNote", "recipients.1", "supporter.country", "supporter.email", "supporter.name"].sort());
  for (const error of problem.errors) expect(error.message.length).toBeGreaterThan(5);
});

test("[API] a header-breaking name, an unknown campaign, a non-JSON or oversized body are refused, never a 500", async ({ request }) => {
  const crlf = await request.post("/api/v1/letters/preview", { data: { ...valid, supporter: { ...valid.supporter, name: "Eve\r\nBcc: x@example.org" } } });
  expect(crlf.status()).toBe(422);
  expect(((await crlf.json()) as TProblem).errors.map((e) => e.path)).toEqual(["supporter.name"]);

  const unknown = await request.post("/api/v1/letters/preview", { data: { ...valid, campaign: "nope" } });
  expect(unknown.status()).toBe(422);
  expect(((await unknown.json()) as TProblem).errors.map((e) => e.path)).toContain("campaign");

  const notJson = await request.post("/api/v1/letters/preview", { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") });
  expect(notJson.status()).toBe(422);
  expect(((await notJson.json()) as TProblem).errors[0]!.path).toBe("(body)");

  // A form body is the wrong type (415), a huge one too large (413).
  const form = await request.post("/api/v1/letters/preview", { form: { campaign: DNC_SLUG } });
  expect(form.status()).toBe(415);

  const huge = await request.post("/api/v1/letters/preview", { data: { ...valid, personalNote: "x".repeat(200_000) } });
  expect(huge.status()).toBe(413);
  expect(((await huge.json()) as TProblem).errors[0]!.path).toBe("(body)");

  const array = await request.post("/api/v1/letters/preview", { data: [1, 2, 3] });
  expect(array.status()).toBe(422);

  const noRecipients = await request.post("/api/v1/letters/preview", { data: { ...valid, campaign: DNC_SLUG, recipients: [] } });
  expect(noRecipients.status()).toBe(422);
  expect(((await noRecipients.json()) as TProblem).errors.map((e) => e.path)).toEqual(["recipients"]);
});

test("[API] the closed campaign's preview answers 409: it takes no more letters", async ({ request }) => {
  const response = await request.post("/api/v1/letters/preview", { data: { ...valid, campaign: FLD_SLUG } });
  expect(response.status()).toBe(409);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const problem = (await response.json()) as TProblem;
  expect(problem.title).toMatch(/campaign is closed/);
  expect(problem.errors.map((e) => e.path)).toEqual(["campaign"]);
  const pdf = await request.post("/api/v1/letters/preview", { data: { ...valid, campaign: FLD_SLUG }, headers: { accept: "application/pdf" } });
  expect(pdf.status()).toBe(409);
});

test("[API] one address gets a bounded number of PDFs a minute, and others are not held back", async ({ request }) => {
  // Each request comes from its own test address, through one trusted proxy (TRUSTED_PROXIES=1).
  // Each also claims a socket address of its own (x-ul-peer): the server writes the real one over it, or every
  // request would count as that one address, and "another address" below would be refused.
  const from = (address: string) => ({ accept: "application/pdf", "x-forwarded-for": address, "x-ul-peer": "203.0.113.5" });
  const busy = "198.51.100.77";
  const statuses: number[] = [];
  // The limit is RATE_LIMIT_PDF_PER_MINUTE (30 by default) letters' worth: 15 previews of these two letters.
  for (let i = 0; i < 16; i++) {
    statuses.push((await request.post("/api/v1/letters/preview", { data: valid, headers: from(busy) })).status());
  }
  expect(statuses.slice(0, 15).every((s) => s === 200)).toBe(true);
  expect(statuses[15]).toBe(429);
  const refused = await request.post("/api/v1/letters/preview", { data: valid, headers: from(busy) });
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  // It says when to try again: within the minute.
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  expect(Number(refused.headers()["retry-after"])).toBeLessThanOrEqual(60);
  expect(((await refused.json()) as TProblem).title).toMatch(/Too many PDFs/);
  // A client cannot escape by writing its own X-Forwarded-For: the proxy's entry, the last, is the one counted.
  expect((await request.post("/api/v1/letters/preview", { data: valid, headers: from(`203.0.113.9, ${busy}`) })).status()).toBe(429);
  // Another address, and the JSON preview, still work.
  expect((await request.post("/api/v1/letters/preview", { data: valid, headers: from("198.51.100.78") })).status()).toBe(200);
  expect((await request.post("/api/v1/letters/preview", { data: valid, headers: { "x-forwarded-for": busy } })).status()).toBe(200);
});
