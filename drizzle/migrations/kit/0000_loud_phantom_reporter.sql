CREATE SCHEMA "kit";
--> statement-breakpoint
CREATE TYPE "kit"."connection_health" AS ENUM('UNKNOWN', 'HEALTHY', 'DEGRADED', 'FAILING');--> statement-breakpoint
CREATE TYPE "kit"."connection_owner_type" AS ENUM('brand', 'creator');--> statement-breakpoint
CREATE TYPE "kit"."connection_status" AS ENUM('PENDING', 'CONNECTED', 'NEEDS_REAUTH', 'DISCONNECTED', 'ERROR');--> statement-breakpoint
CREATE TYPE "kit"."integration_provider" AS ENUM('shopify', 'tiktok');--> statement-breakpoint
CREATE TABLE "kit"."integration_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"provider" "kit"."integration_provider" NOT NULL,
	"owner_type" "kit"."connection_owner_type" NOT NULL,
	"owner_id" uuid NOT NULL,
	"account_id" text NOT NULL,
	"display_name" text,
	"status" "kit"."connection_status" DEFAULT 'PENDING' NOT NULL,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"health" "kit"."connection_health" DEFAULT 'UNKNOWN' NOT NULL,
	"health_reason" text,
	"last_synced_at" timestamp with time zone,
	"connected_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_connections_account_unique" UNIQUE("workspace_id","provider","account_id")
);
--> statement-breakpoint
CREATE INDEX "integration_connections_workspace_idx" ON "kit"."integration_connections" USING btree ("workspace_id","provider","owner_id");