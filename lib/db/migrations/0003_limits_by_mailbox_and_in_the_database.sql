CREATE TABLE "rate_counts" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"points" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "supporter_mailbox" text;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "idempotency_fingerprint" text;--> statement-breakpoint
CREATE INDEX "actions_mailbox" ON "actions" USING btree ("supporter_mailbox","created_at");--> statement-breakpoint
-- Actions written before: their mailbox as well as it can be told from the address (lower case).
UPDATE "actions" SET "supporter_mailbox" = lower("supporter_email") WHERE "supporter_mailbox" IS NULL;