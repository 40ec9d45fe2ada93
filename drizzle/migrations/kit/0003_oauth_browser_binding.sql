ALTER TABLE "kit"."integration_connections" ADD COLUMN "connected_by" uuid;--> statement-breakpoint
ALTER TABLE "kit"."oauth_states" ADD COLUMN "browser_binding_hash" text;--> statement-breakpoint
ALTER TABLE "kit"."oauth_states" ADD COLUMN "started_at" timestamp with time zone;