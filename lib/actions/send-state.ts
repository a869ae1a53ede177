import "server-only";
import type { TTemplateRow } from "@/lib/letters/compose-letters";
import type { TActionInputForm } from "@/lib/schemas/action-input";

/**
 * What the form's server action answers when it refuses a submission: what was typed, to show again, and each bad
 * field's message key (translated by the form into the page's language). On success it redirects instead.
 */
export type TSendState = {
  values?: TActionInputForm;
  errors?: { path: string; code: string }[];
  /** A message key for the whole form ("send.tooMany"). */
  formError?: "send.tooMany" | "send.failed" | "send.tooFast" | "send.checkAgain" | "validation.campaignTestMode";
  /** The form's bot-check stamp, handed back when it can still be used (lib/bot-check/stamp-form.ts): the time the
   * supporter spent on the form keeps counting, so a second Send is not "too fast". */
  formStamp?: string;
  /**
   * The templates of the letters in the language that was chosen: the page itself carries only those of the
   * language its letters start in, and without JavaScript the letters are shown again as the server renders them.
   */
  templates?: TTemplateRow[];
};
