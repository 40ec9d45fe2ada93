CREATE SCHEMA "shopify";
--> statement-breakpoint
CREATE TABLE "shopify"."shops" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"shop_domain" text NOT NULL,
	"shop_gid" text,
	"name" text,
	"currency" text,
	"iana_timezone" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "shopify"."shops" ADD CONSTRAINT "shops_connection_id_integration_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "kit"."integration_connections"("id") ON DELETE cascade ON UPDATE no action;