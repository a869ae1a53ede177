/** What a campaigner should re-check about a recipient before letters go to them (shown in the directory and the editor). */
export const STALE_AFTER_DAYS = 180;

export type TRecipientWarning = { code: "stale" | "emailCheck" | "addressCheck" | "suspect"; message: string };

export function recipientWarnings(
  r: { verifiedOn: string; emailCheck?: string | null; addressCheck?: string | null; emailSuspect?: boolean; hardFailures?: number },
  now: Date,
): TRecipientWarning[] {
  const warnings: TRecipientWarning[] = [];
  const days = Math.floor((now.getTime() - Date.parse(`${r.verifiedOn}T00:00:00Z`)) / 86_400_000);
  if (days > STALE_AFTER_DAYS) warnings.push({ code: "stale", message: `verified ${days} days ago (more than ${STALE_AFTER_DAYS}): check the details against a current source` });
  if (r.emailCheck === "needed") warnings.push({ code: "emailCheck", message: "the email address needs checking (emailCheck: needed)" });
  if (r.addressCheck === "needed") warnings.push({ code: "addressCheck", message: "the postal address needs checking (addressCheck: needed)" });
  if (r.emailSuspect) warnings.push({ code: "suspect", message: `the email address is marked suspect after hard bounces (${r.hardFailures ?? 0} hard failure${r.hardFailures === 1 ? "" : "s"})` });
  return warnings;
}
