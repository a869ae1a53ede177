/**
 * How long a mailto: link Firefox and Thunderbird take, measured here: `npm run bench:mailto` (Debian's firefox-esr
 * and thunderbird: `apt-get install -y firefox-esr thunderbird`; a program that is not installed is skipped and said
 * so). The figures back MAILTO_MAX in lib/letters/mailto-link.ts.
 *
 * - Firefox (headless, a throwaway profile): a page on a local server holds one link, `mailto:` + address + subject +
 *   a body of Cyrillic and Latin letter text, encoded as the site encodes it (mailtoLink), of a given total length;
 *   the link is clicked through Marionette (Firefox's own WebDriver, a click as the supporter's), and the profile
 *   hands mailto: links to a recorder script as its mail app: what the recorder receives is what a mail app on this
 *   system would get. Accepted = the recorder got the whole link, unchanged.
 * - Thunderbird (headless, a throwaway profile with one dummy account, as a mail app must have to open a new mail):
 *   started with the link as its argument, as a browser or the desktop starts it; its new message's To, Subject and
 *   body are read back through Marionette. Accepted = all three arrived whole (the body's last words included).
 *
 * For each program the lengths double from 2,000 characters up to MAX_LENGTH, then the first failure, if any, is
 * narrowed down by bisection; each length is tried once (the outcome is a yes or a no, not a timing). Outlook cannot
 * run here (Windows only): see the sources cited in mailto-link.ts.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { mailtoLink } from "../lib/letters/mailto-link";
import { freePort } from "./server";

const MAX_LENGTH = Number(process.env.MAILTO_MAX_LENGTH ?? 1_048_576);
const TO = "Anita.Anand@parl.gc.ca";
const SUBJECT = "Жанар Секербаева / Zhanar Sekerbayeva";
const END = "END-OF-LETTER";
const SAMPLE = "Уважаемый господин Президент! I am writing to you about Zhanar Sekerbayeva, a human rights defender.\n";

/** A letter whose mailto: link is `length` characters long, or as close below as whole encoded characters allow. */
function linkOfLength(length: number): { href: string; body: string } {
  const base = mailtoLink(TO, SUBJECT, "", Infinity).href.length;
  const tail = `\n${END}`;
  let body = "";
  const encoded = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, "\r\n")).length;
  let size = base + encoded(tail);
  while (size + encoded(SAMPLE) <= length) {
    body += SAMPLE;
    size += encoded(SAMPLE);
  }
  for (const char of SAMPLE) {
    if (size + encoded(char) > length) break;
    body += char;
    size += encoded(char);
  }
  body += tail;
  return { href: mailtoLink(TO, SUBJECT, body, Infinity).href, body };
}

/** Marionette (Gecko's remote protocol): length-prefixed JSON, `[0, id, command, params]` → `[1, id, error, result]`. */
class Marionette {
  private buffer = Buffer.alloc(0);
  private next = 1;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private hello?: () => void;
  private constructor(private socket: Socket) {
    socket.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        // The length prefix counts bytes (a reply holding the Cyrillic body is longer in bytes than in characters).
        const colon = this.buffer.indexOf(":");
        if (colon < 0) return;
        const size = Number(this.buffer.subarray(0, colon).toString("ascii"));
        if (this.buffer.length < colon + 1 + size) return;
        const message = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + size).toString("utf8")) as unknown;
        this.buffer = this.buffer.subarray(colon + 1 + size);
        if (!Array.isArray(message)) {
          this.hello?.();
          continue;
        }
        const [, id, error, result] = message as [number, number, { error: string; message: string } | null, unknown];
        const waiter = this.waiting.get(id);
        this.waiting.delete(id);
        if (error) waiter?.reject(new Error(`${error.error}: ${error.message}`));
        else waiter?.resolve(result);
      }
    });
  }

  static async connect(port: number, deadline: number): Promise<Marionette> {
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect(port, "127.0.0.1", () => resolve(s));
          s.once("error", reject);
        });
        const client = new Marionette(socket);
        await new Promise<void>((resolve, reject) => {
          client.hello = resolve;
          setTimeout(() => reject(new Error("no Marionette greeting")), 10_000);
        });
        return client;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(500);
      }
    }
  }

  send<T>(command: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    const json = Buffer.from(JSON.stringify([0, id, command, params]), "utf8");
    this.socket.write(Buffer.concat([Buffer.from(`${json.length}:`), json]));
    return new Promise<T>((resolve, reject) => this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  close() {
    this.socket.destroy();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) return undefined;
    await sleep(250);
  }
}

function stop(child: ChildProcess) {
  if (child.exitCode === null && child.pid) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

type TOutcome = { ok: boolean; note: string };

/** Doubling from 2,000, then bisection between the last length accepted and the first refused. */
async function findLimit(name: string, probe: (length: number) => Promise<TOutcome>) {
  const rows: { length: number; outcome: TOutcome }[] = [];
  const tryLength = async (length: number) => {
    const outcome = await probe(length);
    rows.push({ length, outcome });
    console.log(`${name.padEnd(12)} ${String(length).padStart(9)}  ${outcome.ok ? "accepted" : "REFUSED "}  ${outcome.note}`);
    return outcome.ok;
  };
  let good = 0;
  let bad: number | undefined;
  for (let length = 2000; length <= MAX_LENGTH; length *= 2) {
    if (await tryLength(length)) good = length;
    else {
      bad = length;
      break;
    }
  }
  if (bad !== undefined && good > 0) {
    while (bad - good > Math.max(16, good / 100)) {
      const middle = Math.round((good + bad) / 2);
      if (await tryLength(middle)) good = middle;
      else bad = middle;
    }
  }
  return { name, longestAccepted: good, shortestRefused: bad };
}

async function measureFirefox(dir: string) {
  const binary = ["/usr/bin/firefox-esr", "/usr/bin/firefox"].find(existsSync);
  if (!binary) return { name: "Firefox", skipped: "firefox-esr is not installed" };
  const version = spawnSync(binary, ["--version"], { encoding: "utf8" }).stdout.trim();
  const received = path.join(dir, "received");
  await mkdir(received);
  const recorder = path.join(dir, "record-mailto.sh");
  // The "mail app": keeps what it was given, byte for byte.
  await writeFile(recorder, `#!/bin/sh\nprintf '%s' "$1" > "${received}/$(date +%s%N).url"\n`);
  await chmod(recorder, 0o755);
  const profile = path.join(dir, "firefox-profile");
  await mkdir(profile);
  const port = await freePort();
  await writeFile(
    path.join(profile, "user.js"),
    [
      `user_pref("marionette.port", ${port});`,
      'user_pref("browser.shell.checkDefaultBrowser", false);',
      'user_pref("browser.startup.homepage_override.mstone", "ignore");',
      'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
      'user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);',
      // No "open with…?" question: the recorder is the chosen mail app, as a supporter's own would be.
      'user_pref("security.external_protocol_requires_permission", false);',
      'user_pref("network.protocol-handler.warn-external.mailto", false);',
      'user_pref("network.protocol-handler.expose.mailto", false);',
    ].join("\n"),
  );
  await writeFile(
    path.join(profile, "handlers.json"),
    JSON.stringify({ defaultHandlersVersion: {}, mimeTypes: {}, schemes: { mailto: { action: 2, ask: false, handlers: [{ name: "recorder", path: recorder }] } } }),
  );

  let current = "";
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><meta charset="utf-8"><a id="letter" href="${current.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}">open in my email app</a>`);
  });
  const httpPort = await freePort();
  await new Promise<void>((r) => server.listen(httpPort, "127.0.0.1", r));
  const firefox = spawn(binary, ["--headless", "--marionette", "--no-remote", "--profile", profile, "about:blank"], {
    detached: true,
    stdio: "ignore",
    env: { ...process.env, MOZ_HEADLESS: "1" },
  });
  try {
    const client = await Marionette.connect(port, Date.now() + 60_000);
    await client.send("WebDriver:NewSession", { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    const result = await findLimit("Firefox", async (length) => {
      const { href } = linkOfLength(length);
      current = href;
      for (const f of await readdir(received)) await rm(path.join(received, f));
      await client.send("WebDriver:Navigate", { url: `http://127.0.0.1:${httpPort}/?n=${length}` });
      const element = await client.send<{ value: Record<string, string> }>("WebDriver:FindElement", { using: "css selector", value: "#letter" });
      await client.send("WebDriver:ElementClick", { id: Object.values(element.value)[0] });
      const got = await waitFor(async () => {
        const files = await readdir(received);
        return files.length ? readFile(path.join(received, files[0]!), "utf8") : undefined;
      }, 8000);
      if (got === undefined) return { ok: false, note: "the mail app was not started" };
      if (got === href) return { ok: true, note: `the mail app got all ${got.length} characters` };
      return { ok: false, note: `the mail app got ${got.length} of ${href.length} characters${href.startsWith(got) ? " (cut at the end)" : " (changed)"}` };
    });
    client.close();
    return { ...result, version };
  } finally {
    stop(firefox);
    server.close();
  }
}

async function measureThunderbird(dir: string) {
  const binary = ["/usr/bin/thunderbird"].find(existsSync);
  if (!binary) return { name: "Thunderbird", skipped: "thunderbird is not installed" };
  const version = spawnSync(binary, ["--version"], { encoding: "utf8" }).stdout.trim();
  const result = await findLimit("Thunderbird", async (length) => {
    const { href, body } = linkOfLength(length);
    // A fresh profile each time: one new message window per start, and nothing left from the last one.
    const profile = await mkdtemp(path.join(dir, "thunderbird-profile-"));
    const port = await freePort();
    await writeFile(
      path.join(profile, "user.js"),
      [
        `user_pref("marionette.port", ${port});`,
        // One account with an identity: without one, Thunderbird opens its account set-up instead of a new message.
        'user_pref("mail.accountmanager.accounts", "account1,account2");',
        'user_pref("mail.accountmanager.defaultaccount", "account1");',
        'user_pref("mail.accountmanager.localfoldersserver", "server2");',
        'user_pref("mail.account.account1.identities", "id1");',
        'user_pref("mail.account.account1.server", "server1");',
        'user_pref("mail.account.account2.server", "server2");',
        'user_pref("mail.identity.id1.fullName", "Probe");',
        'user_pref("mail.identity.id1.useremail", "probe@example.org");',
        'user_pref("mail.identity.id1.valid", true);',
        'user_pref("mail.identity.id1.smtpServer", "smtp1");',
        'user_pref("mail.smtpservers", "smtp1");',
        'user_pref("mail.smtpserver.smtp1.hostname", "127.0.0.1");',
        'user_pref("mail.server.server1.type", "pop3");',
        'user_pref("mail.server.server1.hostname", "127.0.0.1");',
        'user_pref("mail.server.server1.userName", "probe");',
        'user_pref("mail.server.server1.login_at_startup", false);',
        'user_pref("mail.server.server1.check_new_mail", false);',
        'user_pref("mail.server.server2.type", "none");',
        'user_pref("mail.server.server2.hostname", "Local Folders");',
        'user_pref("mail.server.server2.userName", "nobody");',
        'user_pref("mail.shell.checkDefaultClient", false);',
        'user_pref("mail.provider.enabled", false);',
        'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
        'user_pref("mail.compose.default_to_paragraph", false);',
        'user_pref("mail.identity.id1.compose_html", false);',
      ].join("\n"),
    );
    let thunderbird: ChildProcess;
    try {
      thunderbird = spawn(binary, ["--headless", "--marionette", "--remote-allow-system-access", "--no-remote", "--profile", profile, href], {
        detached: true,
        stdio: "ignore",
        env: { ...process.env, MOZ_HEADLESS: "1" },
      });
    } catch (error) {
      await rm(profile, { recursive: true, force: true });
      // Linux takes at most 131,072 bytes in one argument of a program it starts (MAX_ARG_STRLEN): a browser or the
      // desktop hands a mailto: link to the mail app as one, so this is as far as any mail app here can be given.
      if ((error as NodeJS.ErrnoException).code === "E2BIG") return { ok: false, note: "the system refuses to start a program with an argument this long (E2BIG)" };
      throw error;
    }
    try {
      const client = await Marionette.connect(port, Date.now() + 60_000);
      await client.send("WebDriver:NewSession", { capabilities: {} });
      await client.send("Marionette:SetContext", { value: "chrome" });
      // The new message window's fields, once its editor has the body.
      const fields = await waitFor(async () => {
        const { value } = await client.send<{ value: { to: string; subject: string; body: string } | null }>("WebDriver:ExecuteScript", {
          script: `
            const win = Services.wm.getMostRecentWindow("msgcompose");
            if (!win || !win.gMsgCompose || !win.gMsgCompose.editor) return null;
            const body = win.gMsgCompose.editor.outputToString("text/plain", 0);
            if (!body) return null;
            return { to: win.gMsgCompose.compFields.to, subject: win.document.getElementById("msgSubject").value, body };
          `,
          args: [],
        });
        return value ?? undefined;
      }, 30_000);
      client.close();
      if (!fields) return { ok: false, note: "no new message with a body appeared" };
      const flat = (s: string) => s.replace(/\s+/g, " ").trim();
      const whole = flat(fields.body) === flat(body);
      const note = `To ${fields.to.includes(TO) ? "whole" : `"${fields.to}"`}, subject ${fields.subject === SUBJECT ? "whole" : "changed"}, body ${whole ? `whole (${body.length} characters)` : `${fields.body.length} of ${body.length} characters${fields.body.includes(END) ? "" : ", its end missing"}`}`;
      return { ok: whole && fields.subject === SUBJECT && fields.to.includes(TO), note };
    } finally {
      stop(thunderbird);
      await sleep(500);
      await rm(profile, { recursive: true, force: true });
    }
  });
  return { ...result, version };
}

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), "ul-mailto-"));
  try {
    console.log(`mailto: links up to ${MAX_LENGTH} characters; each length tried once`);
    // MAILTO_PROGRAMS=firefox or =thunderbird measures one of them only.
    const only = (process.env.MAILTO_PROGRAMS ?? "firefox,thunderbird").split(",");
    const results = [];
    if (only.includes("firefox")) results.push(await measureFirefox(dir));
    if (only.includes("thunderbird")) results.push(await measureThunderbird(dir));
    console.log("\nsummary");
    for (const r of results) {
      if ("skipped" in r) console.log(`${r.name.padEnd(12)} not measured: ${r.skipped}`);
      else
        console.log(
          `${r.name.padEnd(12)} ${r.version}: longest accepted ${r.longestAccepted}, ${r.shortestRefused === undefined ? `none refused up to ${MAX_LENGTH}` : `shortest refused ${r.shortestRefused}`}`,
        );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
