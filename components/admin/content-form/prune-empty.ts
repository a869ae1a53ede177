/**
 * Form values as the content files write them: an empty optional field is absent, not "". Inputs can only hold
 * strings, so before the shared schema sees the values, empty strings, empty list lines, unset numbers and
 * languages left wholly empty are dropped (a required object such as the source stays, so its fields are named). What a language started is kept empty (English always), so the schema
 * says "must not be empty" at that field rather than "expected text".
 */
const LANGUAGE_KEYS = new Set(["en", "fr", "ru", "kk"]);

function hasContent(value: unknown): boolean {
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.some(hasContent);
  if (value && typeof value === "object") return Object.values(value).some(hasContent);
  return value !== undefined && !(typeof value === "number" && Number.isNaN(value));
}

export function pruneEmpty(value: unknown, key?: string, keepEmpty = false): unknown {
  if (typeof value === "string") return value.trim() === "" && !keepEmpty && key !== "en" ? undefined : value;
  if (typeof value === "number") return Number.isNaN(value) ? undefined : value;
  if (Array.isArray(value)) return value.map((v) => pruneEmpty(v)).filter((v) => v !== undefined);
  if (value && typeof value === "object") {
    const started = key !== undefined && LANGUAGE_KEYS.has(key) && (key === "en" || hasContent(value));
    if (key !== undefined && LANGUAGE_KEYS.has(key) && !started) return undefined;
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, pruneEmpty(v, k, started)] as const)
      .filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries);
  }
  return value;
}
