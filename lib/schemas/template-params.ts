/** The route params of a letter template in the admin: /…/templates/<campaign>/<audience>/<language>. */
import { z } from "zod";
import { LANGUAGES } from "@/lib/i18n/languages";
import { ZSlug } from "./ids";

export const ZTemplateParams = z.object({ slug: ZSlug, audienceId: ZSlug, language: z.enum(LANGUAGES) });
export type TTemplateParams = z.output<typeof ZTemplateParams>;
