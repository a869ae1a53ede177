import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { campaignerPage } from "../fixtures/admin";

/**
 * Every admin route handler and page, found from the file system (not a hand list): each refuses without a session
 * (handlers 401, pages a redirect to sign-in), and every write refuses a viewer (403). A handler file that exports a
 * method not built with adminRoute fails here, and so does a server action in the admin (there are none: the admin's
 * writes all go through handlers, so this is the whole list).
 */
const ROOT = process.cwd();
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function filesUnder(dir: string, name: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && name.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** A URL for a route file: each [param] filled with a well-formed value (access is checked before params anyway). */
function urlOf(file: string): string {
  const segments = path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep);
  const filled = segments.map((s) => (!s.startsWith("[") ? s : /id$/i.test(s.slice(1, -1)) ? "00000000-0000-4000-8000-000000000000" : "x"));
  return `/${filled.join("/")}`;
}

const handlerFiles = filesUnder(path.join(ROOT, "app/api/admin"), /^route\.ts$/);
const handlers = handlerFiles.flatMap((file) => {
  const source = fs.readFileSync(file, "utf8");
  return METHODS.filter((m) => new RegExp(`export const ${m}\\s*=`).test(source)).map((method) => ({
    file: path.relative(ROOT, file),
    method,
    url: urlOf(file),
    built: new RegExp(`export const ${method}\\s*=\\s*adminRoute\\(`).test(source),
    // A read that is personal data (the news subscribers' CSV) declares the owner role: a viewer is refused it too.
    ownerOnly: new RegExp(`export const ${method}\\s*=\\s*adminRoute\\(\\{[^}]*role: "owner"`).test(source),
  }));
});
const pageFiles = filesUnder(path.join(ROOT, "app/admin"), /^page\.tsx$/).filter((f) => !/\/(sign-in|setup)\//.test(f));

test("[ADMIN] the list of admin handlers and pages is read from the file system", () => {
  // The foundation's own handlers, at least: if this finds fewer, the scan is broken, not the admin safe.
  expect(handlers.map((h) => `${h.method} ${h.file}`)).toEqual(
    expect.arrayContaining(["POST app/api/admin/campaigners/route.ts", "DELETE app/api/admin/campaigners/[id]/route.ts", "POST app/api/admin/versions/[id]/restore/route.ts"]),
  );
  expect(pageFiles.length).toBeGreaterThanOrEqual(8);
  for (const h of handlers) expect(h.built, `${h.method} in ${h.file} must be built with adminRoute`).toBe(true);
  // Every server action in the app is built with serverAction (its access declared and checked inside it)…
  const actionFiles = ["app", "components", "lib"].flatMap((d) => filesUnder(path.join(ROOT, d), /\.tsx?$/)).filter((f) => /^\s*["']use server["']/m.test(fs.readFileSync(f, "utf8")));
  expect(actionFiles.length).toBeGreaterThanOrEqual(2);
  for (const file of actionFiles) {
    const source = fs.readFileSync(file, "utf8");
    const exported = [...source.matchAll(/^export (?:async function|const|function) (\w+)/gm)].map((m) => m[1]);
    for (const name of exported) expect(source, `${name} in ${file} must be built with serverAction`).toMatch(new RegExp(`export const ${name} = serverAction\\(`));
  }
  // …and none is the admin's: its writes are handlers, covered below. One added there needs its own test here.
  const adminActions = actionFiles.filter((f) => /\/(app\/admin|components\/admin)\//.test(f));
  expect(adminActions, "server actions in the admin need their own access test").toEqual([]);
});

test("[ADMIN] every admin handler refuses without a session and every write refuses a viewer", async ({ browser, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  for (const h of handlers) {
    const response = await anonymous.fetch(h.url, { method: h.method, data: h.method === "GET" ? undefined : {} });
    expect(response.status(), `${h.method} ${h.url} without a session`).toBe(401);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
  }
  await anonymous.dispose();

  const { page } = await campaignerPage(browser, "viewer");
  for (const h of handlers) {
    const response = await page.request.fetch(h.url, { method: h.method, data: h.method === "GET" ? undefined : {} });
    if (h.method === "GET" && h.ownerOnly) expect(response.status(), `GET ${h.url} is for owners`).toBe(403);
    else if (h.method === "GET") expect([401, 403], `GET ${h.url} as a viewer reads`).not.toContain(response.status());
    else expect(response.status(), `${h.method} ${h.url} as a viewer`).toBe(403);
  }
  await page.context().close();
});

test("[ADMIN] every admin page sends a visitor without a session to sign in", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  for (const file of pageFiles) {
    const url = urlOf(file);
    const response = await anonymous.get(url, { maxRedirects: 0 });
    expect([303, 307, 308], `${url} without a session`).toContain(response.status());
    expect(response.headers().location, url).toMatch(/\/admin\/sign-in\?next=/);
  }
  await anonymous.dispose();
});
