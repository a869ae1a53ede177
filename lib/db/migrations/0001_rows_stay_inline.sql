-- A letter row (its text, and its page laid out for print) and an outbox row are a few kilobytes. Past about 2 KB
-- Postgres would compress them (saving a quarter at a high CPU cost on every insert) and move the page into a TOAST
-- table (a second table and index written per letter). Rows up to a full page stay inline and uncompressed.
ALTER TABLE "letters" SET (toast_tuple_target = 8160);--> statement-breakpoint
ALTER TABLE "outbox" SET (toast_tuple_target = 8160);--> statement-breakpoint
ALTER TABLE "captured_mail" SET (toast_tuple_target = 8160);
