CREATE SCHEMA "llm";
--> statement-breakpoint
CREATE TYPE "llm"."llm_provider" AS ENUM('openai', 'anthropic', 'gemini');--> statement-breakpoint
CREATE TABLE "llm"."workspace_provider_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"provider" "llm"."llm_provider" NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"key_id" text NOT NULL,
	"last_four" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspace_provider_keys_unique" UNIQUE("workspace_id","provider")
);
