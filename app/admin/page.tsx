import { redirect } from "next/navigation";
import { requireCampaigner } from "@/lib/auth/require-campaigner";

export const dynamic = "force-dynamic";

export default async function AdminHome() {
  await requireCampaigner();
  redirect("/admin/campaigns");
}
