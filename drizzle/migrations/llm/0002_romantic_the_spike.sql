ALTER TYPE "llm"."usage_status" ADD VALUE 'pending';--> statement-breakpoint
ALTER TYPE "llm"."usage_status" ADD VALUE 'interrupted';--> statement-breakpoint
ALTER TABLE "llm"."usage_ledger" ADD COLUMN "reserved_tokens" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "llm"."usage_ledger" ADD COLUMN "reserved_cost_nano_usd" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "llm"."usage_ledger" ADD COLUMN "holds_quota" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "llm"."usage_ledger" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
-- Rows written before this migration were finished when written.
UPDATE "llm"."usage_ledger" SET "finished_at" = "created_at";--> statement-breakpoint
CREATE INDEX "usage_ledger_unfinished" ON "llm"."usage_ledger" USING btree ("created_at") WHERE "llm"."usage_ledger"."finished_at" is null;