import { notFound } from "next/navigation";
import { CapturedMessage } from "@/components/mail/captured-message";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { db } from "@/lib/db/client";
import { capturedMailVisible } from "@/lib/env";
import { readCapturedMail } from "@/lib/mail/captured-mail";

export const dynamic = "force-dynamic";

export default async function AdminMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireCampaigner();
  if (!capturedMailVisible()) notFound();
  const { id } = await params;
  const mail = await readCapturedMail(await db(), id);
  if (!mail) notFound();
  return <CapturedMessage mail={mail} back="/admin/mail" attachments={`/api/admin/mail/${mail.id}/attachments`} />;
}
