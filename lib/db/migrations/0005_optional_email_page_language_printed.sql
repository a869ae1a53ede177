ALTER TABLE "actions" ALTER COLUMN "supporter_email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "page_language" text;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "printed_at" timestamp with time zone;