/**
 * The OpenAPI document against the running app: it is the JSON Schema of the very zod schemas the handlers use (each
 * component equals z.toJSONSchema of its schema), it covers every handler under app/api/v1, and each handler's real
 * answers (successes and errors) have a status the document lists and a body that its schema accepts.
 *
 * No JSON Schema validator is installed (no ajv), so a body is checked with the zod schema the document's component
 * was generated from: together with the first check, a body that passes fits the document. What this does not prove
 * is zod's own translation to JSON Schema; that is zod's job and its tests'.
 */
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, test, type APIResponse } from "@playwright/test";
import { DOCUMENT_SCHEMAS, jsonSchemaOf } from "@/lib/openapi/build-document";
import { DNC_SLUG, FLD_SLUG } from "../fixtures/seed-facts";
import { withBotCheck } from "../../test/bot-check";

type TDoc = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }>>;
  components: { schemas: Record<string, unknown> };
  webhooks: Record<string, unknown>;
};

const ROOT = process.cwd();
let doc: TDoc;

test.beforeAll(async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  doc = (await response.json()) as TDoc;
});

/** The documented answer's schema for this operation and status, and the body checked against it. */
async function expectDocumented(response: APIResponse, method: string, template: string) {
  const operation = doc.paths[template]?.[method];
  expect(operation, `${method} ${template} is in the document`).toBeTruthy();
  const status = String(response.status());
  const documented = operation!.responses[status];
  expect(documented, `${method.toUpperCase()} ${template} answered ${status}, which the document lists`).toBeTruthy();
  const type = (response.headers()["content-type"] ?? "").split(";")[0]!;
  const ref = documented!.content?.[type]?.schema?.$ref;
  expect(ref, `${method.toUpperCase()} ${template} ${status} ${type} has a schema in the document`).toBeTruthy();
  const name = ref!.split("/").at(-1)!;
  const parsed = DOCUMENT_SCHEMAS[name]!.schema.safeParse(await response.json());
  expect(parsed.success, `${method.toUpperCase()} ${template} ${status} fits ${name}: ${parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))}`).toBe(true);
}

test("[API] the OpenAPI document is generated from the handlers' zod schemas and covers every /api/v1 handler", async () => {
  expect(doc.openapi).toBe("3.1.0");
  for (const [name, { schema, io }] of Object.entries(DOCUMENT_SCHEMAS)) {
    expect(doc.components.schemas[name], name).toEqual(jsonSchemaOf(name, schema, io));
  }
  // Every reference points at a component.
  for (const [, ref] of JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) expect(Object.keys(doc.components.schemas)).toContain(ref);
  const routes = fs
    .readdirSync(path.join(ROOT, "app/api/v1"), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === "route.ts")
    .map((e) => {
      const source = fs.readFileSync(path.join(e.parentPath, e.name), "utf8");
      const template = `/${path.relative(path.join(ROOT, "app"), e.parentPath).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
      const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => new RegExp(`export const ${m}\\s*=\\s*route\\(`).test(source)).map((m) => m.toLowerCase());
      return methods.map((m) => `${m} ${template}`);
    })
    .flat()
    .sort();
  const documented = Object.entries(doc.paths)
    .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m} ${p}`))
    .sort();
  expect(documented).toEqual(routes);
  expect(Object.keys(doc.webhooks).sort()).toEqual(["action.confirmed", "campaign.closed", "campaign.updated", "letter.bounced", "letter.sent", "test"]);
});

test("[API] each public handler's real answers fit the OpenAPI document", async ({ request }) => {
  const valid = { campaign: DNC_SLUG, supporter: { name: "Fictional OpenAPI Supporter", city: "Ottawa", country: "CA" }, recipients: ["ca-mp-chong"] };
  await expectDocumented(await request.get("/api/v1/campaigns"), "get", "/api/v1/campaigns");
  await expectDocumented(await request.get(`/api/v1/campaigns/${DNC_SLUG}`), "get", "/api/v1/campaigns/{slug}");
  await expectDocumented(await request.get("/api/v1/campaigns/no-such-campaign"), "get", "/api/v1/campaigns/{slug}");
  await expectDocumented(await request.get("/api/v1/bot-check"), "get", "/api/v1/bot-check");
  await expectDocumented(await request.post("/api/v1/letters/preview", { data: valid }), "post", "/api/v1/letters/preview");
  await expectDocumented(await request.post("/api/v1/letters/preview", { data: { ...valid, recipients: [] } }), "post", "/api/v1/letters/preview");

  const posted = await request.post("/api/v1/actions", { data: await withBotCheck(request, { ...valid, delivery: "post" }), headers: { "idempotency-key": randomUUID() } });
  expect(posted.status()).toBe(202);
  await expectDocumented(posted, "post", "/api/v1/actions");
  const { id } = (await posted.json()) as { id: string };
  await expectDocumented(await request.post("/api/v1/actions", { data: { ...valid, delivery: "pigeon" } }), "post", "/api/v1/actions");
  await expectDocumented(
    await request.post("/api/v1/actions", { data: await withBotCheck(request, { ...valid, campaign: FLD_SLUG, recipients: ["kz-president"], delivery: "post" }) }),
    "post",
    "/api/v1/actions",
  );
  await expectDocumented(await request.post("/api/v1/actions", { data: valid, headers: { authorization: "Bearer ul_live_not-a-key" } }), "post", "/api/v1/actions");

  const status = await request.get(`/api/v1/actions/${id}`);
  await expectDocumented(status, "get", "/api/v1/actions/{id}");
  const letterId = ((await status.json()) as { letters: { id: string }[] }).letters[0]!.id;
  await expectDocumented(await request.get(`/api/v1/actions/${randomUUID()}`), "get", "/api/v1/actions/{id}");
  // Printed first (the print step), then "I have posted it".
  expect((await request.get(`/api/v1/actions/${id}/letters/${letterId}/pdf`)).status()).toBe(200);
  await expectDocumented(await request.post(`/api/v1/actions/${id}/letters/${letterId}/done`, { data: {} }), "post", "/api/v1/actions/{id}/letters/{letterId}/done");
  await expectDocumented(await request.post(`/api/v1/actions/${id}/letters/${randomUUID()}/done`, { data: {} }), "post", "/api/v1/actions/{id}/letters/{letterId}/done");
  await expectDocumented(await request.get(`/api/v1/actions/${id}/letters/${randomUUID()}/pdf`), "get", "/api/v1/actions/{id}/letters/{letterId}/pdf");
  await expectDocumented(await request.get("/api/v1/partners/me/stats"), "get", "/api/v1/partners/me/stats");
});
