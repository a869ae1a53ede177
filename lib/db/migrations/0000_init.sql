CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_slug" text NOT NULL,
	"status" text NOT NULL,
	"supporter_name" text NOT NULL,
	"supporter_email" text NOT NULL,
	"city" text NOT NULL,
	"country" text NOT NULL,
	"postal_address" text,
	"personal_note" text,
	"sign_as" text DEFAULT 'full' NOT NULL,
	"language" text,
	"delivery" text NOT NULL,
	"consent" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"partner" text,
	"idempotency_key" text,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"ip_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audience_recipients" (
	"campaign_slug" text NOT NULL,
	"audience_id" text NOT NULL,
	"recipient_id" text NOT NULL,
	"position" integer NOT NULL,
	"preselected" boolean DEFAULT true NOT NULL,
	CONSTRAINT "audience_recipients_campaign_slug_audience_id_recipient_id_pk" PRIMARY KEY("campaign_slug","audience_id","recipient_id")
);
--> statement-breakpoint
CREATE TABLE "audiences" (
	"campaign_slug" text NOT NULL,
	"id" text NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"default_language" text NOT NULL,
	"demands" jsonb NOT NULL,
	CONSTRAINT "audiences_campaign_slug_id_pk" PRIMARY KEY("campaign_slug","id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"slug" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"subject" text NOT NULL,
	"default_language" text NOT NULL,
	"content" jsonb NOT NULL,
	"source" jsonb NOT NULL,
	"timeline" jsonb NOT NULL,
	"settings" jsonb NOT NULL,
	"sending_paused" boolean DEFAULT false NOT NULL,
	"loaded_from" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "captured_mail" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"to" text NOT NULL,
	"from" text NOT NULL,
	"subject" text NOT NULL,
	"raw" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_slug" text NOT NULL,
	"audience_id" text NOT NULL,
	"language" text NOT NULL,
	"subjects" jsonb NOT NULL,
	"body" text NOT NULL,
	"review" text,
	"loaded_from" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"campaign_slug" text NOT NULL,
	"audience_id" text NOT NULL,
	"recipient_id" text NOT NULL,
	"language" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"page" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone,
	"locked_until" timestamp with time zone,
	"message_id" text,
	"sent_at" timestamp with time zone,
	"digest_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"message" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recipients" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"role" jsonb NOT NULL,
	"organisation" jsonb NOT NULL,
	"country" text NOT NULL,
	"address" jsonb,
	"envelope_name" text,
	"email" text,
	"channels" jsonb NOT NULL,
	"salutation" jsonb NOT NULL,
	"time_zone" text,
	"source" jsonb NOT NULL,
	"verified_on" date NOT NULL,
	"notes" text,
	"email_suspect" boolean DEFAULT false NOT NULL,
	"hard_failures" integer DEFAULT 0 NOT NULL,
	"loaded_from" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_campaign_slug_campaigns_slug_fk" FOREIGN KEY ("campaign_slug") REFERENCES "public"."campaigns"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audience_recipients" ADD CONSTRAINT "audience_recipients_recipient_id_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audience_recipients" ADD CONSTRAINT "audience_recipients_campaign_slug_audience_id_audiences_campaign_slug_id_fk" FOREIGN KEY ("campaign_slug","audience_id") REFERENCES "public"."audiences"("campaign_slug","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audiences" ADD CONSTRAINT "audiences_campaign_slug_campaigns_slug_fk" FOREIGN KEY ("campaign_slug") REFERENCES "public"."campaigns"("slug") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_templates" ADD CONSTRAINT "letter_templates_campaign_slug_audience_id_audiences_campaign_slug_id_fk" FOREIGN KEY ("campaign_slug","audience_id") REFERENCES "public"."audiences"("campaign_slug","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_recipient_id_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "actions_idempotency_key" ON "actions" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "actions_email_lower" ON "actions" USING btree (lower("supporter_email"),"created_at");--> statement-breakpoint
CREATE INDEX "actions_ip_hash" ON "actions" USING btree ("ip_hash","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_templates_unique" ON "letter_templates" USING btree ("campaign_slug","audience_id","language");--> statement-breakpoint
CREATE INDEX "letters_campaign_status" ON "letters" USING btree ("campaign_slug","status");--> statement-breakpoint
CREATE INDEX "letters_due" ON "letters" USING btree ("next_attempt_at") WHERE status = 'queued';--> statement-breakpoint
CREATE INDEX "letters_action" ON "letters" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "letters_recipient_status_sent" ON "letters" USING btree ("recipient_id","status","sent_at");--> statement-breakpoint
CREATE INDEX "letters_sending_lock" ON "letters" USING btree ("locked_until") WHERE status = 'sending';--> statement-breakpoint
CREATE INDEX "outbox_due" ON "outbox" USING btree ("next_attempt_at");