CREATE TABLE "kit"."connection_calls" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kit"."connection_calls_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"connection_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL,
	"code" text,
	"kind" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kit"."integration_connections" ADD COLUMN "last_call_succeeded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "kit"."integration_connections" ADD COLUMN "last_call_failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "kit"."integration_connections" ADD COLUMN "recent_calls" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kit"."integration_connections" ADD COLUMN "recent_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kit"."integration_connections" ADD COLUMN "recent_error_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "kit"."connection_calls" ADD CONSTRAINT "connection_calls_connection_id_integration_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "kit"."integration_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connection_calls_connection_at_idx" ON "kit"."connection_calls" USING btree ("connection_id","at");