CREATE TYPE "kit"."notification_severity" AS ENUM('INFO', 'WARNING', 'ERROR');--> statement-breakpoint
CREATE TYPE "kit"."webhook_delivery_status" AS ENUM('RECEIVED', 'PROCESSING', 'PROCESSED', 'FAILED', 'DEAD');--> statement-breakpoint
CREATE TABLE "kit"."connection_credentials" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"access_token_ciphertext" "bytea" NOT NULL,
	"access_token_key_id" text NOT NULL,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_ciphertext" "bytea",
	"refresh_token_key_id" text,
	"refresh_token_expires_at" timestamp with time zone,
	"token_type" text,
	"version" integer DEFAULT 1 NOT NULL,
	"refreshed_at" timestamp with time zone,
	"refresh_failures" integer DEFAULT 0 NOT NULL,
	"last_refresh_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kit"."events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kit"."workspace_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"severity" "kit"."notification_severity" NOT NULL,
	"title" text NOT NULL,
	"message" text NOT NULL,
	"provider" "kit"."integration_provider",
	"connection_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "kit"."oauth_states" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state_hash" text NOT NULL,
	"provider" "kit"."integration_provider" NOT NULL,
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"owner_type" "kit"."connection_owner_type" NOT NULL,
	"owner_id" uuid NOT NULL,
	"account_hint" text,
	"connection_id" uuid,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"code_verifier_ciphertext" "bytea",
	"code_verifier_key_id" text,
	"redirect_uri" text NOT NULL,
	"return_url" text,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oauth_states_state_hash_unique" UNIQUE("state_hash")
);
--> statement-breakpoint
CREATE TABLE "kit"."webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" text NOT NULL,
	"delivery_id" text NOT NULL,
	"topic" text NOT NULL,
	"account_id" text,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "kit"."webhook_delivery_status" DEFAULT 'RECEIVED' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "webhook_deliveries_provider_delivery_unique" UNIQUE("provider","delivery_id")
);
--> statement-breakpoint
ALTER TABLE "kit"."connection_credentials" ADD CONSTRAINT "connection_credentials_connection_id_integration_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "kit"."integration_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_created_idx" ON "kit"."events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "workspace_notifications_workspace_idx" ON "kit"."workspace_notifications" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "oauth_states_expires_idx" ON "kit"."oauth_states" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_status_idx" ON "kit"."webhook_deliveries" USING btree ("status","received_at");