import type { Metadata } from "next";
import { MyDataRequestForm } from "@/components/privacy/my-data-request-form";
import { getLanguage, getTranslator } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

/** A supporter asks for what is stored about their email address: a link is mailed to it (lib/privacy). */
export default async function MyDataPage() {
  const language = await getLanguage();
  const t = getTranslator(language);
  return (
    <section className="section my-data">
      <h1>{t("myData.title")}</h1>
      <p className="lead">{t("myData.intro")}</p>
      <MyDataRequestForm
        language={language}
        text={{
          emailLabel: t("myData.emailLabel"),
          emailHint: t("myData.emailHint"),
          submit: t("myData.submit"),
          sentTitle: t("myData.sentTitle"),
          sent: t("myData.sent"),
        }}
      />
      <p className="muted">{t("myData.retention")}</p>
    </section>
  );
}
