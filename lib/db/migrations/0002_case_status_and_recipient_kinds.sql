ALTER TABLE "campaigns" ADD COLUMN "case_status" jsonb;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "updates" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "recipients" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "recipients" ADD COLUMN "names" jsonb;--> statement-breakpoint
ALTER TABLE "recipients" ADD COLUMN "serves_countries" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "recipients" ADD COLUMN "email_check" text;--> statement-breakpoint
ALTER TABLE "recipients" ADD COLUMN "address_check" text;