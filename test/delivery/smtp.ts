/**
 * A real SMTP server for tests (smtp-server), with switchable answers: accept, 421 (try later) or 550 (refused), an
 * optional delay before answering each message, and stop/start on the same port for "server down, then back".
 *
 * An accepted message is recorded as soon as its data has arrived, before the delayed "250" goes out, like a real
 * server that has already queued it: if the sender dies in that moment, the message counts as delivered even though
 * the sender never heard so. That is the window in which a crash can cause a duplicate.
 */
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** 550: "No such mailbox" for every message; relay-denied: "554 5.7.1 Relay access denied" for every recipient. */
export type TSmtpBehaviour = "accept" | "421" | "550" | "relay-denied";

export type TTestSmtp = {
  readonly port: number;
  /** For createMailTransport. */
  readonly url: string;
  behaviour: TSmtpBehaviour;
  /** Milliseconds the server waits before answering each message. */
  delayMs: number;
  /** Addresses refused at RCPT with "550 5.1.1 ... User unknown", whatever the behaviour. */
  readonly unknownUsers: Set<string>;
  /** Every message whose data arrived (accepted or not), in order. */
  readonly attempts: number;
  /** Raw accepted messages, in order. */
  readonly raw: readonly Buffer[];
  /** The accepted messages, parsed. */
  messages(): Promise<ParsedMail[]>;
  /** Resolves once `count` messages were accepted. */
  waitForMessages(count: number, timeoutMs?: number): Promise<void>;
  /** Forgets what arrived and goes back to accepting at once. */
  reset(): void;
  stop(): Promise<void>;
  /** Starts again on the same port (nothing happens if it is running). */
  start(): Promise<void>;
};

export async function startTestSmtp(options: { port?: number; delayMs?: number } = {}): Promise<TTestSmtp> {
  const raw: Buffer[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let attempts = 0;
  let server: SMTPServer | null = null;
  let port = options.port ?? 0;

  const unknownUsers = new Set<string>();
  const state = {
    behaviour: "accept" as TSmtpBehaviour,
    delayMs: options.delayMs ?? 0,
  };

  function create(): SMTPServer {
    return new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      closeTimeout: 50,
      size: 64 * 1024 * 1024,
      onRcptTo(address, _session, callback) {
        const to = address.address.toLowerCase();
        if (state.behaviour === "relay-denied") {
          return callback(Object.assign(new Error(`5.7.1 <${to}>: Relay access denied`), { responseCode: 554 }));
        }
        if (unknownUsers.has(to)) {
          return callback(Object.assign(new Error(`5.1.1 <${to}>: Recipient address rejected: User unknown in virtual mailbox table`), { responseCode: 550 }));
        }
        callback();
      },
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          attempts++;
          const behaviour = state.behaviour;
          if (behaviour === "accept") {
            raw.push(Buffer.concat(chunks));
            for (const waiter of waiters.filter((w) => raw.length >= w.count)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve();
            }
          }
          setTimeout(() => {
            if (behaviour === "421") callback(Object.assign(new Error("Try again later"), { responseCode: 421 }));
            else if (behaviour === "550") callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
            else callback();
          }, state.delayMs);
        });
      },
    });
  }

  async function start(): Promise<void> {
    if (server) return;
    const next = create();
    await new Promise<void>((resolve, reject) => {
      next.on("error", reject);
      next.listen(port, "127.0.0.1", () => resolve());
    });
    port = (next.server.address() as AddressInfo).port;
    server = next;
  }

  await start();

  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    get behaviour() {
      return state.behaviour;
    },
    set behaviour(value: TSmtpBehaviour) {
      state.behaviour = value;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(value: number) {
      state.delayMs = value;
    },
    get attempts() {
      return attempts;
    },
    unknownUsers,
    raw,
    messages: () => Promise.all(raw.map((message) => simpleParser(message))),
    waitForMessages(count, timeoutMs = 30_000) {
      if (raw.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${raw.length} of ${count} messages arrived`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    reset() {
      raw.length = 0;
      attempts = 0;
      unknownUsers.clear();
      state.behaviour = "accept";
      state.delayMs = options.delayMs ?? 0;
    },
    async stop() {
      const current = server;
      server = null;
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    start,
  };
}
