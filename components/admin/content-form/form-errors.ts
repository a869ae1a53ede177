import type { FieldErrors, FieldValues } from "react-hook-form";

/** The message at a dotted path of react-hook-form's nested errors ("campaign.audiences.0.recipients"). */
export function errorAt(errors: FieldErrors<FieldValues>, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}

/** Every message in the errors with its path, for the summary at the top of a form. */
export function flattenErrors(errors: FieldErrors<FieldValues>, prefix = ""): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const [key, node] of Object.entries(errors)) {
    if (!node || typeof node !== "object" || key === "ref") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const message = (node as { message?: unknown }).message;
    if (typeof message === "string" && message) out.push({ path, message });
    out.push(...flattenErrors(node as FieldErrors<FieldValues>, path));
  }
  return out.filter((e, i, all) => all.findIndex((x) => x.path === e.path) === i);
}
