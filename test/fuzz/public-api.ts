/**
 * Property-based fuzzing of every public endpoint against a running server (fast-check). Each property sends
 * generated requests and checks the contract of DESIGN.md: no input ever causes a 5xx; every 4xx and 5xx is
 * application/problem+json with its status and one entry per bad field, each with a path; and nothing a request
 * carries can add a recipient or a header to a message the app sends. Used by e2e/api/fuzz.spec.ts (fixed seed,
 * bounded runs, in CI) and by `npm run fuzz -- --runs 100000` (long).
 */
import fc from "fast-check";
import { solveBotCheck, type TBotCheck } from "../bot-check";

export type TFuzzReport = { requests: number; byStatus: Record<number, number>; failures: string[] };

const CAMPAIGN = "dnc-sekerbayeva-charges";
const RECIPIENTS = ["kz-president", "kz-embassy-uk", "kz-embassy-us", "ca-minister-foreign-affairs", "ca-parl-sec-foreign-affairs", "ca-mp-chong", "ca-mp-mcpherson"];

/** Text as hostile as text gets: every Unicode unit (lone surrogates too), line breaks, NUL, bidi, header syntax. */
const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "Eve \udfff", "\ud800", "a\r\nBcc: x@evil.example", "x\nTo: y@evil.example", "\u202Eevil", "\u2067x", "\uE000", "=?utf-8?b?QmNj?=", "a@b.c <x@evil.example>", "<script>alert(1)</script>", "{{date}}", "%00", "../../etc/passwd", "x".repeat(5000)),
  fc.string({ maxLength: 20 }),
);
const anyJson = fc.jsonValue({ maxDepth: 2 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Mostly undefined (the normal case), sometimes the hostile value. */
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 9 }, { arbitrary: arb, weight: 1 });
/** Mostly a plausible value, sometimes a hostile one, so requests reach the deep checks. */
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: good, weight: 4 }, { arbitrary: bad, weight: 1 });

/** A body close enough to valid that it reaches the deep checks, with any field swapped for something hostile. */
const letterBody = fc.record(
  {
    campaign: mostly(fc.constantFrom(CAMPAIGN, CAMPAIGN, "fld-sekerbayeva-2025"), fc.oneof(nasty, anyJson)),
    language: maybe(fc.oneof(fc.constantFrom("en", "fr", "ru", "kk", "de"), nasty)),
    supporter: mostly(
      fc.record({
        name: mostly(fc.constantFrom("Marie Tremblay", "Әсем Нұрланова"), nasty),
        email: mostly(fc.constantFrom("fuzz@example.org", "FUZZ+1@Example.org"), fc.oneof(nasty, fc.emailAddress())),
        city: mostly(fc.constant("Ottawa"), nasty),
        country: mostly(fc.constantFrom("CA", "KZ", "ie"), fc.oneof(fc.constant("XX"), nasty)),
        address: maybe(mostly(fc.constant("1 Main St\nOttawa"), nasty)),
      }),
      anyJson,
    ),
    signAs: maybe(fc.oneof(fc.constantFrom("full", "initials"), nasty)),
    personalNote: maybe(nasty),
    recipients: mostly(fc.subarray(RECIPIENTS, { minLength: 1 }), fc.oneof(fc.array(nasty, { maxLength: 3 }), anyJson)),
    delivery: mostly(fc.constantFrom("email", "mailto", "post"), nasty),
    consent: maybe(fc.oneof(fc.record({ updates: fc.boolean() }), anyJson)),
  },
  { requiredKeys: ["campaign", "supporter", "recipients", "delivery"] },
);

/** A path segment: arbitrary text, percent-encoded (sometimes badly), or a near-miss of a real id. */
const segment = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "x")) || "x"),
  fc.constantFrom("%ff", "%00", "%", "%zz", "------------------------------------", "0123456789abcdef0123456789abcdef0123", "00000000-0000-0000-0000-000000000000", "..", "%2e%2e", "bot-check", CAMPAIGN),
  fc.uuid(),
);

/**
 * The bot check a submission carries: mostly one solved for it (so requests reach the deep checks), sometimes the
 * last one again (a replay), none, or something hostile in its place.
 */
const botCheck = fc.oneof(
  { arbitrary: fc.constant<TBotCheckPlan>({ kind: "solve" }), weight: 6 },
  { arbitrary: fc.constant<TBotCheckPlan>({ kind: "reuse" }), weight: 1 },
  { arbitrary: fc.constant<TBotCheckPlan>({ kind: "none" }), weight: 1 },
  { arbitrary: fc.oneof(nasty, anyJson).map((value): TBotCheckPlan => ({ kind: "value", value })), weight: 1 },
);
type TBotCheckPlan = { kind: "solve" } | { kind: "reuse" } | { kind: "none" } | { kind: "value"; value: unknown };

type TRequest = { method: string; path: string; headers: Record<string, string>; body?: string; botCheck?: TBotCheckPlan };

const requests: fc.Arbitrary<TRequest> = fc.oneof(
  fc.record({ endpoint: fc.constantFrom("/api/v1/letters/preview", "/api/v1/actions"), body: letterBody, key: maybe(nasty), pdf: fc.boolean(), raw: rarely(nasty), type: rarely(fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1")), ip: fc.ipV4(), botCheck }).map(
    ({ endpoint, body, key, pdf, raw, type, ip, botCheck }) => ({
      method: "POST",
      path: endpoint,
      headers: {
        "content-type": type ?? "application/json",
        "x-forwarded-for": ip,
        ...(pdf && endpoint.endsWith("preview") ? { accept: "application/pdf" } : {}),
        ...(key !== undefined ? { "idempotency-key": key.replace(/[^\x20-\x7e]/g, "?").slice(0, 300) } : {}),
      },
      body: raw ?? JSON.stringify(body),
      botCheck: raw === undefined && endpoint === "/api/v1/actions" ? botCheck : undefined,
    }),
  ),
  fc.record({ a: segment, b: segment, which: fc.nat(8), method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH") }).map(({ a, b, which, method }) => ({
    method,
    path: [`/api/v1/actions/${a}`, `/api/v1/campaigns/${a}`, `/api/v1/actions/${a}/letters/${b}/pdf`, `/api/v1/actions/${a}/letters/${b}/done`, `/api/v1/${a}`, `/c/${a}`, `/privacy/my-data/${a}`, `/privacy/my-data/${a}/download`, `/privacy/my-data/${a}/delete`][which]!,
    headers: {},
  })),
);

/** Runs the properties against `baseUrl`; returns what it saw (failures are also thrown by fast-check). */
export async function fuzzPublicApi(
  baseUrl: string,
  options: { runs: number; seed: number; onProgress?: (done: number) => void; /** Stop after this long, with the runs done so far reported. */ timeLimitMs?: number },
): Promise<TFuzzReport> {
  const report: TFuzzReport = { requests: 0, byStatus: {}, failures: [] };
  let lastProof: TBotCheck | undefined;
  /** The body with its bot check put in, as the plan says (solved for real against the server, as the composer does). */
  const withPlannedCheck = async (body: string, plan: TBotCheckPlan): Promise<string> => {
    if (plan.kind === "none") return body;
    let value: unknown;
    if (plan.kind === "value") value = plan.value;
    else if (plan.kind === "reuse" && lastProof) value = lastProof;
    else value = lastProof = await solveBotCheck(baseUrl);
    const parsed = JSON.parse(body) as unknown;
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? JSON.stringify({ ...parsed, botCheck: value }) : body;
  };
  await fc.assert(
    fc.asyncProperty(requests, async (req) => {
      const body = req.botCheck && req.body !== undefined ? await withPlannedCheck(req.body, req.botCheck) : req.body;
      const response = await fetch(baseUrl + req.path, { method: req.method, headers: req.headers, body, redirect: "manual" });
      const status = response.status;
      report.requests++;
      report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
      if (report.requests % 1000 === 0) options.onProgress?.(report.requests);
      const text = await response.text();
      const where = `${req.method} ${req.path} → ${status}`;
      if (status >= 500) throw new Error(`${where}: a 5xx (${text.slice(0, 200)})`);
      // Every answer, Next.js's own 308s for dot segments and doubled slashes included (lib/server/fill-in-security-headers.ts).
      if ((!response.headers.get("content-security-policy") || !response.headers.get("x-content-type-options"))) throw new Error(`${where}: no security headers`);
      if (status >= 400 && req.path.startsWith("/api/")) {
        if (!(response.headers.get("content-type") ?? "").includes("application/problem+json")) throw new Error(`${where}: not problem+json`);
        const body = JSON.parse(text) as { status?: number; title?: string; errors?: { path?: unknown; message?: unknown }[] };
        if (body.status !== status || typeof body.title !== "string") throw new Error(`${where}: problem without its status or title`);
        if (!Array.isArray(body.errors) || body.errors.some((e) => typeof e.path !== "string" || typeof e.message !== "string")) throw new Error(`${where}: errors without paths`);
        if (status === 422 && body.errors.length === 0) throw new Error(`${where}: a 422 that names no field`);
        if (status === 405 && !response.headers.get("allow")) throw new Error(`${where}: a 405 without Allow`);
        if ((status === 429 || status === 503) && !response.headers.get("retry-after")) throw new Error(`${where}: no Retry-After`);
      }
    }),
    {
      numRuns: options.runs,
      seed: options.seed,
      endOnFailure: true,
      // A long run cut short by its time limit is a shorter run, not a failure: what ran is reported.
      ...(options.timeLimitMs ? { interruptAfterTimeLimit: options.timeLimitMs, markInterruptAsFailure: false } : {}),
    },
  );
  return report;
}

/**
 * Every message the app captured has one recipient, no Cc or Bcc, and a Reply-To that is one plain address: no
 * input added a recipient or a header. Reads the captured-mail pages (/dev/mail), which a local run serves.
 */
export async function checkCapturedMail(baseUrl: string): Promise<{ messages: number; problems: string[] }> {
  const list = await (await fetch(`${baseUrl}/dev/mail`)).text();
  const ids = [...new Set([...list.matchAll(/href="\/dev\/mail\/([0-9a-f-]{36})"/g)].map((m) => m[1]!))];
  const problems: string[] = [];
  const single = /^[^\s,;<>"]+@[^\s,;<>"]+$/;
  for (const id of ids) {
    const page = await (await fetch(`${baseUrl}/dev/mail/${id}`)).text();
    const header = (name: string) => (new RegExp(`data-header="${name}">([^<]*)<`).exec(page)?.[1] ?? "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&").trim();
    const to = header("to").replace(/^.*<([^>]+)>$/, "$1");
    if (!single.test(to)) problems.push(`${id}: To is "${header("to")}"`);
    if (header("cc") || header("bcc")) problems.push(`${id}: has Cc/Bcc "${header("cc")}" "${header("bcc")}"`);
    const replyTo = header("reply-to").replace(/^.*<([^>]+)>$/, "$1");
    if (replyTo && !single.test(replyTo)) problems.push(`${id}: Reply-To is "${header("reply-to")}"`);
  }
  return { messages: ids.length, problems };
}
