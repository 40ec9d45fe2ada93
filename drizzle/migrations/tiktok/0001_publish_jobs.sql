CREATE TABLE "tiktok"."publish_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"source" text NOT NULL,
	"video_url" text,
	"upload_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"privacy_level" text NOT NULL,
	"disable_comment" boolean DEFAULT false NOT NULL,
	"disable_duet" boolean DEFAULT false NOT NULL,
	"disable_stitch" boolean DEFAULT false NOT NULL,
	"video_cover_timestamp_ms" integer,
	"status" text NOT NULL,
	"tiktok_status" text,
	"publish_id" text,
	"post_ids" text[] DEFAULT '{}' NOT NULL,
	"video_size" bigint,
	"chunk_size" bigint,
	"chunk_count" integer,
	"uploaded_bytes" bigint DEFAULT 0 NOT NULL,
	"error_code" text,
	"error_message" text,
	"fail_reason" text,
	"log_id" text,
	"polls" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "publish_jobs_connection_publish_unique" UNIQUE("connection_id","publish_id")
);
--> statement-breakpoint
CREATE TABLE "tiktok"."upload_parts" (
	"upload_id" uuid NOT NULL,
	"part_no" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "upload_parts_upload_id_part_no_pk" PRIMARY KEY("upload_id","part_no")
);
--> statement-breakpoint
CREATE TABLE "tiktok"."uploads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"publish_job_id" uuid
);
--> statement-breakpoint
ALTER TABLE "tiktok"."publish_jobs" ADD CONSTRAINT "publish_jobs_connection_id_integration_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "kit"."integration_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tiktok"."publish_jobs" ADD CONSTRAINT "publish_jobs_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "tiktok"."uploads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tiktok"."upload_parts" ADD CONSTRAINT "upload_parts_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "tiktok"."uploads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publish_jobs_workspace_idx" ON "tiktok"."publish_jobs" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "uploads_workspace_idx" ON "tiktok"."uploads" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "uploads_expires_idx" ON "tiktok"."uploads" USING btree ("expires_at");