/**
 * The look a partner may give the embedded form (`data-theme` on the embed, `theme` in a partner's file): a few
 * validated values, applied as CSS variables inside the frame. Shared by the files, the admin, the embed page and
 * the loader's documentation, so it stays free of server-only code.
 */
import { z } from "zod";

export const ZEmbedTheme = z.strictObject({
  /** The accent colour (buttons, links, focus ring), a hex colour such as #8a1538. */
  accent: z
    .string()
    .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { message: "expected a hex colour such as #8a1538" })
    .optional(),
  /** Corner radius of fields and buttons, 0–24 px. */
  radius: z
    .string()
    .regex(/^(0|([0-9]|1[0-9]|2[0-4])px)$/, { message: "expected a radius from 0px to 24px, such as 6px" })
    .optional(),
  /** Text size relative to the default, 0.875–1.25. */
  fontScale: z.number().min(0.875, { message: "expected 0.875 to 1.25" }).max(1.25, { message: "expected 0.875 to 1.25" }).optional(),
});
export type TEmbedTheme = z.output<typeof ZEmbedTheme>;
