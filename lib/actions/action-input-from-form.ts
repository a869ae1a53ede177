import type { TActionInputForm } from "@/lib/schemas/action-input";

/**
 * The composer's fields as a plain form POST sends them (JavaScript off), shaped as ZActionInput so that the same
 * schema checks them. Field names are the schema's paths ("supporter.name"); an unticked checkbox sends nothing.
 * Nothing is validated here: a missing field stays missing and the schema says so next to it.
 */
export function actionInputFromForm(form: FormData): TActionInputForm {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const language = text("language");
  return {
    campaign: text("campaign") ?? "",
    language: language ? (language as TActionInputForm["language"]) : undefined,
    supporter: {
      name: text("supporter.name") ?? "",
      email: text("supporter.email") ?? "",
      city: text("supporter.city") ?? "",
      country: text("supporter.country") ?? "",
      address: text("supporter.address") ?? "",
    },
    signAs: text("signAs") === "initials" ? "initials" : "full",
    personalNote: text("personalNote") ?? "",
    recipients: form.getAll("recipients").filter((v): v is string => typeof v === "string"),
    delivery: (text("delivery") ?? "") as TActionInputForm["delivery"],
    consent: { updates: text("consent.updates") === "on", ...(text("consent.partner") === "on" ? { partner: true } : {}) },
    ...(text("partner") ? { partner: text("partner") } : {}),
  };
}
