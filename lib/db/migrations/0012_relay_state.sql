CREATE TABLE "relay_state" (
	"id" text PRIMARY KEY NOT NULL,
	"paused_at" timestamp with time zone,
	"reply" text,
	"paused_by" text,
	"resumed_at" timestamp with time zone,
	"resumed_by" text,
	"probed_at" timestamp with time zone,
	"probe_reply" text,
	"alert_sent_at" timestamp with time zone,
	"run_reply" text,
	"run_refusals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
