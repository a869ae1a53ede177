/**
 * A partner's theme for the frame: the embed's `data-theme` (a JSON object in the iframe's query) over the
 * partner's saved theme, each value checked by ZEmbedTheme on its own (a bad one is dropped, the others kept), then
 * written as CSS custom properties. Pure: the values that reach the CSS are the validated ones only.
 */
import { ZEmbedTheme, type TEmbedTheme } from "./theme";

export function embedTheme(param: string | null | undefined, saved: TEmbedTheme | null | undefined): TEmbedTheme {
  const theme: Record<string, unknown> = { ...(saved ?? {}) };
  let given: unknown;
  try {
    given = param ? JSON.parse(param) : undefined;
  } catch {
    given = undefined;
  }
  if (given && typeof given === "object" && !Array.isArray(given)) {
    for (const [key, schema] of Object.entries(ZEmbedTheme.shape)) {
      const value = (given as Record<string, unknown>)[key];
      if (value !== undefined && schema.safeParse(value).success) theme[key] = value;
    }
  }
  const parsed = ZEmbedTheme.safeParse(theme);
  return parsed.success ? parsed.data : {};
}

/** The theme as a CSS rule for the frame's root: only what was given (the site's own look otherwise). */
export function embedThemeCss(theme: TEmbedTheme): string {
  const rules: string[] = [];
  if (theme.accent) {
    rules.push(`--accent:${theme.accent}`, `--accent-soft:color-mix(in srgb, ${theme.accent} 12%, #fff)`, `--accent-ink:${inkOn(theme.accent)}`);
  }
  if (theme.radius) rules.push(`--radius:${theme.radius}`);
  const html = theme.fontScale ? `html{font-size:${theme.fontScale * 100}%}` : "";
  return `${rules.length ? `:root{${rules.join(";")}}` : ""}${html}`;
}

/** Black or white text on a background colour, whichever reads better (WCAG relative luminance). */
export function inkOn(hex: string): string {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join("")}` : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  // Contrast with white is (1.05)/(L+0.05), with black (L+0.05)/0.05: white wins below L ≈ 0.179.
  return luminance < 0.179 ? "#ffffff" : "#111111";
}
