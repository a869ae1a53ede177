import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { pdfFontDirectory, PDF_FONT_FILES } from "@/components/pdf/fonts";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { db } from "@/lib/db/client";
import { pick } from "@/lib/i18n/localize";
import { getLanguage, getTranslator } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "Urgent Letters";

/**
 * The share image of a case page: its title on a plain card, with the source organisation. No photograph: a
 * campaign would have to provide one with its credit. Noto Serif (the letters' typeface) covers Cyrillic and Kazakh.
 */
export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const language = await getLanguage();
  const t = getTranslator(language);
  const campaign = await getCampaign(await db(), slug);
  const title = campaign ? pick(campaign.content, language).value.title : t("site.name");
  const [regular, bold] = await Promise.all([
    readFile(path.join(/*turbopackIgnore: true*/ pdfFontDirectory(), PDF_FONT_FILES.regular)),
    readFile(path.join(/*turbopackIgnore: true*/ pdfFontDirectory(), PDF_FONT_FILES.bold)),
  ]);
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 72, background: "#fffdf9", borderTop: "24px solid #9b1c31", fontFamily: "Noto Serif" }}>
        <div style={{ display: "flex", fontSize: 30, color: "#9b1c31" }}>{campaign ? t("home.source", { organisation: campaign.source.organisation }) : ""}</div>
        <div style={{ display: "flex", fontSize: title.length > 90 ? 52 : 64, fontWeight: 700, color: "#1f1a17", lineHeight: 1.2 }}>{title}</div>
        <div style={{ display: "flex", fontSize: 30, color: "#5c534d" }}>{t("site.name")} · {t("campaign.writeHeading")}</div>
      </div>
    ),
    { ...size, fonts: [{ name: "Noto Serif", data: regular, weight: 400 }, { name: "Noto Serif", data: bold, weight: 700 }] },
  );
}
