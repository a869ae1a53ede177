/**
 * The admin's lifecycle inputs (issue 11), one schema each for the form and the handler: a dated case update to
 * post, the closing of a campaign (its closing update is required), a reopening, test mode. The update itself is
 * the content file's update entry (lib/templates/content-schema.ts), so what the form posts is what a file holds.
 */
import { z } from "zod";
import { ZCampaignFile } from "@/lib/templates/content-schema";

export const ZCaseUpdateEntry = ZCampaignFile.shape.updates.unwrap().element;

export const ZPostUpdate = z.strictObject({
  update: ZCaseUpdateEntry,
  /** Email it to the supporters who asked for news. */
  email: z.boolean({ message: "expected true or false" }),
});
export type TPostUpdate = z.output<typeof ZPostUpdate>;

export const ZCloseCampaign = z.strictObject({
  update: ZCaseUpdateEntry,
  /** Email the outcome to the past senders who asked for news. */
  email: z.boolean({ message: "expected true or false" }),
});
export type TCloseCampaign = z.output<typeof ZCloseCampaign>;

export const ZReopenCampaign = z.strictObject({ status: z.enum(["paused", "live"], { message: "expected paused or live" }) });

export const ZTestMode = z.strictObject({ testMode: z.boolean({ message: "expected true or false" }) });
