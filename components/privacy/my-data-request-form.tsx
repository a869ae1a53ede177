"use client";
/**
 * The one-field form of /privacy/my-data. A server action answers it, so it works without JavaScript too; the
 * answer is the same whether or not the address is known, and an error is shown under the field.
 */
import { useActionState } from "react";
import { requestData, type TRequestState } from "@/app/(site)/privacy/my-data/request-data";
import { Field } from "@/components/ui/field";
import type { TLanguage } from "@/lib/i18n/languages";

type TText = { emailLabel: string; emailHint: string; submit: string; sentTitle: string; sent: string };

export function MyDataRequestForm({ language, text }: { language: TLanguage; text: TText }) {
  const [state, action, pending] = useActionState<TRequestState, FormData>(requestData, { status: "idle", email: "" });
  if (state.status === "sent") {
    return (
      <div className="notice" role="status">
        <h2>{text.sentTitle}</h2>
        <p>{text.sent}</p>
      </div>
    );
  }
  return (
    <form action={action} method="post" className="my-data__form" noValidate>
      <input type="hidden" name="language" value={language} />
      <Field label={text.emailLabel} hint={text.emailHint} error={state.error}>
        {(props) => <input {...props} type="email" name="email" autoComplete="email" defaultValue={state.email} maxLength={254} required />}
      </Field>
      <button type="submit" className="button" disabled={pending}>
        {text.submit}
      </button>
    </form>
  );
}
