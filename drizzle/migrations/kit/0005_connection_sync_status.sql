CREATE TYPE "kit"."connection_sync_status" AS ENUM('IDLE', 'RUNNING', 'FAILED');--> statement-breakpoint
ALTER TABLE "kit"."integration_connections" ADD COLUMN "sync_status" "kit"."connection_sync_status";--> statement-breakpoint
ALTER TABLE "kit"."integration_connections" ADD COLUMN "sync_error_code" text;