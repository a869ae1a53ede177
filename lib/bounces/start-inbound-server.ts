/**
 * The bounce receiver (`npm run inbound`, scripts/inbound.ts): a small SMTP server that takes mail only for the
 * letters' return paths (bounces+<id>@domain, lib/delivery/bounce-address.ts), reads each message as a bounce or an
 * automatic reply and records it against its letters. Everything else is refused at RCPT with 550 5.1.1, so it is
 * no open relay and no mailbox; no AUTH (mail servers that bounce do not log in).
 */
import "server-only";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { TDb } from "@/lib/db/open";
import { idFromBounceAddress } from "@/lib/delivery/bounce-address";
import type { TMessageSettings } from "@/lib/delivery/message-parts";
import { receiveBounce } from "./receive-bounce";
import type { TBounceOutcome } from "./record-bounce";

/** A bounce quotes the letter; its PDF makes it a few MB at most. */
export const INBOUND_MAX_BYTES = 10 * 1024 * 1024;

export type TInboundServer = { port: number; close(): Promise<void> };

export async function startInboundServer(o: {
  db: TDb;
  port: number;
  host?: string;
  settings: Pick<TMessageSettings, "mailFrom" | "bounceAddress">;
  maxBytes?: number;
  now?: () => Date;
  log?: (message: string) => void;
  /** Called after each message was recorded (tests and logs). */
  onRecorded?: (outcomes: TBounceOutcome[]) => void;
}): Promise<TInboundServer> {
  const maxBytes = o.maxBytes ?? INBOUND_MAX_BYTES;
  const now = o.now ?? (() => new Date());
  const log = o.log ?? ((message: string) => console.log(`[inbound] ${message}`));
  const server = new SMTPServer({
    name: "urgent-letters-inbound",
    banner: "Urgent Letters bounce receiver",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    size: maxBytes,
    closeTimeout: 1000,
    onRcptTo(address, _session, callback) {
      if (idFromBounceAddress(address.address, o.settings)) return callback();
      callback(Object.assign(new Error("5.1.1 No such mailbox here: this server takes bounces of letters only"), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          return callback(Object.assign(new Error(`5.3.4 Message too big (at most ${maxBytes} bytes)`), { responseCode: 552 }));
        }
        const raw = Buffer.concat(chunks);
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
        void (async () => {
          const { report, outcomes } = await receiveBounce(o.db, { raw, envelopeTo, settings: o.settings, now: now() });
          for (const outcome of outcomes) {
            log(`${report.kind} for ${outcome.letterIds.length} letter(s) (${outcome.matchedBy}), ${outcome.bounced} marked bounced: ${report.summary}`);
          }
          o.onRecorded?.(outcomes);
        })().then(
          () => callback(),
          (error: unknown) => {
            // Not recorded (the database is away): the sender keeps the bounce and tries again later.
            log(`not recorded: ${error instanceof Error ? error.message : String(error)}`);
            callback(Object.assign(new Error("4.3.0 Try again later"), { responseCode: 451 }));
          },
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host ?? "0.0.0.0", () => resolve());
  });
  server.on("error", (error) => log(`error: ${error.message}`));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
