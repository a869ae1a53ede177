CREATE TABLE "letter_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"letter_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text NOT NULL,
	"reply" text,
	"message_id" text
);
--> statement-breakpoint
ALTER TABLE "letter_attempts" ADD CONSTRAINT "letter_attempts_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letter_attempts_letter" ON "letter_attempts" USING btree ("letter_id","at");