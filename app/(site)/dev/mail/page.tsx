import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { CapturedMailTable } from "@/components/mail/captured-mail-table";
import { db } from "@/lib/db/client";
import { capturedMailVisible } from "@/lib/env";
import { fromLoopback } from "@/lib/http/from-loopback";
import { listCapturedMail } from "@/lib/mail/captured-mail";
import { withDatabase } from "@/lib/http/with-database";

export const dynamic = "force-dynamic";
export const metadata = { title: "Captured mail" };

/**
 * For the local operator of the embedded default: the mail the app would have sent. Only while mail is captured,
 * and only for a browser on this machine (campaigners see the same under Admin → Mail).
 */
async function CapturedMailPage() {
  if (!capturedMailVisible() || !fromLoopback(await headers())) notFound();
  const mail = await listCapturedMail(await db());
  return (
    <section className="section" lang="en">
      <h1>Captured mail</h1>
      <p className="muted">
        SMTP_URL is not set, so nothing is sent: every message the app would send is kept here instead. Set SMTP_URL to send
        for real. This page exists only while mail is captured, and answers only a browser on this machine.
      </p>
      <CapturedMailTable mail={mail} base="/dev/mail" />
    </section>
  );
}

// A database gone away while it renders: a 503 page, not a 500 (lib/http/with-database.ts).
export default withDatabase(CapturedMailPage);
