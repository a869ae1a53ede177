/**
 * The form on /privacy/my-data: one email address. The same rule as the supporter's address in the letter form, so
 * any address a supporter could write with can ask for its data, except that here it is required. Messages are keys
 * of the `validation` section.
 */
import "server-only";
import { z } from "zod";
import { ZSupporter } from "./letter-input";

export const ZMyDataRequest = z.object({
  email: z.string({ message: "validation.required" }).trim().min(1, { message: "validation.required" }).pipe(ZSupporter.shape.email.unwrap()),
});
export type TMyDataRequest = z.output<typeof ZMyDataRequest>;
