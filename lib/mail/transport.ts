/**
 * The one place the mail transport is chosen: SMTP (pooled) when SMTP_URL is set, otherwise a capture transport
 * that keeps every message in the database (captured_mail) so the embedded default never sends anything.
 * Created on demand, never as an import side effect.
 */
import "server-only";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import type { TDb } from "@/lib/db/open";
import { capturedMail } from "@/lib/db/schema";

export type TSendResult = { messageId: string; response: string };

export type TMailTransport = {
  kind: "smtp" | "capture";
  /** Sends (or captures) one message. `kind` labels captured mail ("confirmation", "letter", "digest"). */
  send(message: Mail.Options, kind: string): Promise<TSendResult>;
  close(): void;
};

export type TDkim = { domainName: string; keySelector: string; privateKey: string };

export type TTransportOptions = {
  smtpUrl?: string;
  db: TDb;
  dkim?: TDkim;
  /** Parallel SMTP connections in the pool. */
  maxConnections?: number;
  /** Time-outs (ms) for connecting, greeting and each socket read, so a stuck server counts as a time-out. */
  timeoutMs?: number;
};

/** nodemailer may read files and URLs named in a message (attachments' `path`/`href`): never allowed here. */
const SAFE = { disableFileAccess: true, disableUrlAccess: true } as const;

export function createMailTransport(options: TTransportOptions): TMailTransport {
  if (options.smtpUrl) {
    const timeout = options.timeoutMs ?? 30_000;
    const url = new URL(options.smtpUrl);
    const transporter = nodemailer.createTransport({
      pool: true,
      maxConnections: options.maxConnections ?? 3,
      maxMessages: 500,
      host: url.hostname,
      port: Number(url.port || (url.protocol === "smtps:" ? 465 : 587)),
      secure: url.protocol === "smtps:",
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      // A local test server has no certificate to check; real servers are checked.
      tls: url.hostname === "127.0.0.1" || url.hostname === "localhost" ? { rejectUnauthorized: false } : undefined,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      dkim: options.dkim,
      ...SAFE,
    });
    return {
      kind: "smtp",
      async send(message) {
        const info = await transporter.sendMail({ ...message, ...SAFE });
        return { messageId: info.messageId, response: info.response };
      },
      close: () => transporter.close(),
    };
  }

  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix", dkim: options.dkim, ...SAFE });
  return {
    kind: "capture",
    async send(message, kind) {
      const info = await transporter.sendMail({ ...message, ...SAFE });
      const raw = (info.message as Buffer).toString("utf8");
      const to = [message.to].flat().filter(Boolean).map(addressText).join(", ");
      await options.db.insert(capturedMail).values({
        kind,
        to,
        from: addressText(message.from),
        subject: String(message.subject ?? ""),
        raw,
      });
      return { messageId: info.messageId, response: "250 captured" };
    },
    close: () => transporter.close(),
  };
}

function addressText(value: unknown): string {
  if (!value) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(addressText).join(", ");
  const { name, address } = value as { name?: string; address?: string };
  return name ? `"${name}" <${address ?? ""}>` : (address ?? "");
}
