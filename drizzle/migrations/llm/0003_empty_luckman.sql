CREATE TABLE "llm"."platform_spend" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"day_start" timestamp with time zone NOT NULL,
	"used_cost_nano_usd" bigint DEFAULT 0 NOT NULL,
	"reserved_cost_nano_usd" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "llm"."usage_ledger" ALTER COLUMN "cost_nano_usd" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "llm"."usage_ledger" ALTER COLUMN "reserved_cost_nano_usd" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "llm"."usage_ledger" ADD COLUMN "holds_budget" boolean DEFAULT false NOT NULL;