import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { TemplateEditor } from "@/components/admin/template-editor/template-editor";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import { loadTemplateEditor } from "@/lib/content/load-template-editor";
import { db } from "@/lib/db/client";
import { ZTemplateParams } from "@/lib/schemas/template-params";
import "../../templates.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Letter template" };

/** The editor of one letter template. Viewers read it (and its text preview) with saving turned off. */
export default async function TemplateEditorPage({ params }: { params: Promise<{ slug: string; audienceId: string; language: string }> }) {
  const campaigner = await requireCampaigner();
  const parsed = ZTemplateParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { slug, audienceId, language } = parsed.data;
  const data = await loadTemplateEditor(await db(), slug, audienceId, language);
  if (!data) notFound();
  // proxy.ts makes a nonce per request; CodeMirror's styles need it (components/admin/template-editor/body-editor.tsx).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <TemplateEditor data={data} canEdit={hasRole(campaigner.role, "editor")} base={`/admin/campaigns/${slug}/templates`} nonce={nonce} />;
}
