CREATE TABLE "campaign_previews" (
	"campaign_slug" text NOT NULL,
	"day" date NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_previews_campaign_slug_day_pk" PRIMARY KEY("campaign_slug","day")
);
--> statement-breakpoint
CREATE TABLE "news_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"campaign_slug" text NOT NULL,
	"mailbox" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "test_mode" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "test" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "test_to" text;--> statement-breakpoint
ALTER TABLE "news_tokens" ADD CONSTRAINT "news_tokens_campaign_slug_campaigns_slug_fk" FOREIGN KEY ("campaign_slug") REFERENCES "public"."campaigns"("slug") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "news_tokens_mailbox" ON "news_tokens" USING btree ("mailbox");