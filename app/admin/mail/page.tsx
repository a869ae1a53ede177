import { notFound } from "next/navigation";
import { CapturedMailTable } from "@/components/mail/captured-mail-table";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { db } from "@/lib/db/client";
import { capturedMailVisible } from "@/lib/env";
import { listCapturedMail } from "@/lib/mail/captured-mail";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mail" };

/** While mail is captured (SMTP_URL unset): what the app would have sent, letters to officials included. */
export default async function AdminMailPage() {
  await requireCampaigner();
  if (!capturedMailVisible()) notFound();
  const mail = await listCapturedMail(await db());
  return (
    <section>
      <h1>Mail</h1>
      <p>Mail is captured on this server (SMTP_URL is not set): nothing leaves it. This is what would have been sent.</p>
      <CapturedMailTable mail={mail} base="/admin/mail" />
    </section>
  );
}
