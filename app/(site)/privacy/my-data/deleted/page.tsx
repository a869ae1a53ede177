import Link from "next/link";
import { getLanguage, getTranslator } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

/** Where the delete button leads: the data is gone, and so is the link. */
export default async function MyDataDeletedPage() {
  const t = getTranslator(await getLanguage());
  return (
    <section className="section">
      <h1>{t("myData.deletedTitle")}</h1>
      <p>{t("myData.deleted")}</p>
      <p>
        <Link href="/">{t("confirm.back")}</Link>
      </p>
    </section>
  );
}
