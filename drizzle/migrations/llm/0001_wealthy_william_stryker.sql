CREATE TYPE "llm"."key_source" AS ENUM('central', 'workspace');--> statement-breakpoint
CREATE TYPE "llm"."quota_period" AS ENUM('day', 'month');--> statement-breakpoint
CREATE TYPE "llm"."usage_operation" AS ENUM('completion', 'stream', 'embedding');--> statement-breakpoint
CREATE TYPE "llm"."usage_status" AS ENUM('success', 'error', 'cancelled');--> statement-breakpoint
CREATE TABLE "llm"."usage_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" text NOT NULL,
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"provider" "llm"."llm_provider" NOT NULL,
	"model" text NOT NULL,
	"operation" "llm"."usage_operation" NOT NULL,
	"status" "llm"."usage_status" NOT NULL,
	"error_code" text,
	"key_source" "llm"."key_source" NOT NULL,
	"fallback_from" "llm"."llm_provider",
	"prompt_tokens" integer DEFAULT 0 NOT NULL,
	"completion_tokens" integer DEFAULT 0 NOT NULL,
	"total_tokens" integer DEFAULT 0 NOT NULL,
	"cost_nano_usd" bigint DEFAULT 0 NOT NULL,
	"latency_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "llm"."workspace_quotas" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"period" "llm"."quota_period" NOT NULL,
	"max_tokens" bigint,
	"max_cost_nano_usd" bigint,
	"period_start" timestamp with time zone NOT NULL,
	"used_tokens" bigint DEFAULT 0 NOT NULL,
	"used_cost_nano_usd" bigint DEFAULT 0 NOT NULL,
	"reserved_tokens" bigint DEFAULT 0 NOT NULL,
	"reserved_cost_nano_usd" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "llm"."workspace_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"fallback_provider" "llm"."llm_provider",
	"fallback_model" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "usage_ledger_workspace_time" ON "llm"."usage_ledger" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "usage_ledger_request" ON "llm"."usage_ledger" USING btree ("request_id");