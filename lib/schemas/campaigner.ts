/** Campaigners as the admin's forms and handlers take them (invite, change of role). */
import { z } from "zod";
import { CAMPAIGNER_ROLES } from "@/lib/db/schema";
import { isSafeDisplayName } from "./text-rules";

export const ZCampaignerName = z
  .string({ message: "Enter a name." })
  .trim()
  .min(1, { message: "Enter a name." })
  .max(200, { message: "At most 200 characters." })
  // The name goes into mail headers (invitations): no line breaks, nothing that passes for an address.
  .refine(isSafeDisplayName, { message: "Use letters, spaces and ordinary punctuation only." });

export const ZCampaignerRole = z.enum(CAMPAIGNER_ROLES, { message: "Choose owner, editor or viewer." });

export const ZInvite = z.object({
  email: z.email({ message: "Enter an email address, like name@example.org." }).max(254),
  name: ZCampaignerName,
  role: ZCampaignerRole,
});

export const ZRoleChange = z.object({ role: ZCampaignerRole });
