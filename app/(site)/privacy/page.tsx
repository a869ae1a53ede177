import type { Metadata } from "next";
import { operator } from "@/lib/env";
import { getLanguage, getTranslator } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getLanguage())("privacy.title") };
}

/**
 * Who runs the site, what it keeps of a supporter, who sees it, for how long, and how to have it deleted. Every
 * sentence must stay true of the code: change this page with the behaviour it describes.
 */
export default async function PrivacyPage() {
  const t = getTranslator(await getLanguage());
  const who = operator();
  const contact = who.contact.includes("@") && !who.contact.startsWith("http") ? `mailto:${who.contact}` : who.contact;
  return (
    <article className="section prose privacy">
      <h1>{t("privacy.title")}</h1>
      <p>{t("privacy.operator", { organisation: who.name })}</p>
      {who.address ? <p>{t("privacy.address", { address: who.address })}</p> : null}
      <p>
        {t("privacy.contact", { contact: "" })}
        <a href={contact}>{who.contact}</a>
      </p>
      <h2>{t("privacy.storedTitle")}</h2>
      <p>{t("privacy.stored")}</p>
      <p>{t("privacy.ipHash")}</p>
      <h2>{t("privacy.whoTitle")}</h2>
      <p>{t("privacy.who")}</p>
      <h2>{t("privacy.howLongTitle")}</h2>
      <p>{t("privacy.howLong")}</p>
      <h2>{t("privacy.deleteTitle")}</h2>
      <p>{t("privacy.delete", { contact: who.contact })}</p>
      <p>
        {t("privacy.selfService")} <a href="/privacy/my-data">{t("privacy.selfServiceLink")}</a>
      </p>
      <p>{t("privacy.thirdParties")}</p>
    </article>
  );
}
