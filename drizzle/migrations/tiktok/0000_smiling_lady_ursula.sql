CREATE SCHEMA "tiktok";
--> statement-breakpoint
CREATE TABLE "tiktok"."accounts" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"open_id" text NOT NULL,
	"username" text,
	"display_name" text,
	"avatar_url" text,
	"follower_count" integer,
	"following_count" integer,
	"likes_count" integer,
	"video_count" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tiktok"."accounts" ADD CONSTRAINT "accounts_connection_id_integration_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "kit"."integration_connections"("id") ON DELETE cascade ON UPDATE no action;