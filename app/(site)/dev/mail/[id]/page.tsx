import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { CapturedMessage } from "@/components/mail/captured-message";
import { db } from "@/lib/db/client";
import { capturedMailVisible } from "@/lib/env";
import { fromLoopback } from "@/lib/http/from-loopback";
import { readCapturedMail } from "@/lib/mail/captured-mail";
import { withDatabase } from "@/lib/http/with-database";

export const dynamic = "force-dynamic";

async function CapturedMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!capturedMailVisible() || !fromLoopback(await headers())) notFound();
  const { id } = await params;
  const mail = await readCapturedMail(await db(), id);
  if (!mail) notFound();
  return <CapturedMessage mail={mail} back="/dev/mail" attachments={`/dev-mail-attachment/${mail.id}`} />;
}

// A database gone away while it renders: a 503 page, not a 500 (lib/http/with-database.ts).
export default withDatabase(CapturedMessagePage);
