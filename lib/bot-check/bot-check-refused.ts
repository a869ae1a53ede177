import "server-only";
import { AppError } from "@/lib/errors/app-error";

export type TBotCheckCode =
  | "botCheck.missing"
  | "botCheck.invalid"
  | "botCheck.expired"
  | "botCheck.reused"
  | "botCheck.tooFast"
  | "botCheck.formExpired"
  | "botCheck.trap";

/**
 * The problem for a refused bot check: 422 with one error at `botCheck`, whose code tells a client what to do (the
 * composer solves a new challenge and sends again; the form without JavaScript says so next to its Send button).
 */
export function botCheckRefused(code: TBotCheckCode, message: string): AppError {
  return new AppError("INVALID_INPUT", "The submission's bot check did not pass: solve a new challenge (GET /api/v1/bot-check) and send again.", [
    { path: "botCheck", code, message },
  ]);
}

/** The bot check's code in a refusal, if that is what refused it. */
export function botCheckCode(error: AppError): TBotCheckCode | undefined {
  const entry = error.errors.find((e) => e.path === "botCheck");
  return entry?.code?.startsWith("botCheck.") ? (entry.code as TBotCheckCode) : undefined;
}
