CREATE TABLE "partner_consents" (
	"action_id" uuid NOT NULL,
	"partner_code" text NOT NULL,
	"wording" text NOT NULL,
	"language" text NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_consents_action_id_partner_code_pk" PRIMARY KEY("action_id","partner_code")
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"site" text NOT NULL,
	"allowed_origins" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"theme" jsonb,
	"active" boolean DEFAULT true NOT NULL,
	"loaded_from" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner_consents" ADD CONSTRAINT "partner_consents_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_consents" ADD CONSTRAINT "partner_consents_partner_code_partners_code_fk" FOREIGN KEY ("partner_code") REFERENCES "public"."partners"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_consents_partner" ON "partner_consents" USING btree ("partner_code");