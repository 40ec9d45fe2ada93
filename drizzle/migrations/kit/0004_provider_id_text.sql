ALTER TABLE "kit"."integration_connections" ALTER COLUMN "provider" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "kit"."workspace_notifications" ALTER COLUMN "provider" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "kit"."oauth_states" ALTER COLUMN "provider" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "kit"."integration_connections" ADD CONSTRAINT "integration_connections_provider_format" CHECK ("kit"."integration_connections"."provider" ~ '^[a-z][a-z0-9_]{0,31}$');--> statement-breakpoint
ALTER TABLE "kit"."workspace_notifications" ADD CONSTRAINT "workspace_notifications_provider_format" CHECK ("kit"."workspace_notifications"."provider" ~ '^[a-z][a-z0-9_]{0,31}$');--> statement-breakpoint
ALTER TABLE "kit"."oauth_states" ADD CONSTRAINT "oauth_states_provider_format" CHECK ("kit"."oauth_states"."provider" ~ '^[a-z][a-z0-9_]{0,31}$');--> statement-breakpoint
DROP TYPE "kit"."integration_provider";