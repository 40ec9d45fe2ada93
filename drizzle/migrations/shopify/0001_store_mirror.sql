CREATE TYPE "shopify"."rollup_grain" AS ENUM('day', 'hour');--> statement-breakpoint
CREATE TABLE "shopify"."orders" (
	"connection_id" uuid NOT NULL,
	"order_id" text NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"test" boolean NOT NULL,
	"financial_status" text,
	"fulfillment_status" text NOT NULL,
	"currency" text NOT NULL,
	"presentment_currency" text,
	"total_price" numeric NOT NULL,
	"current_total_price" numeric NOT NULL,
	"total_refunded" numeric NOT NULL,
	"refunds_estimated" boolean DEFAULT false NOT NULL,
	"subtotal_price" numeric,
	"total_tax" numeric,
	"total_discounts" numeric,
	"total_shipping" numeric,
	"presentment_total_price" numeric,
	"presentment_current_total_price" numeric,
	"presentment_total_refunded" numeric,
	"refund_ids" text[] NOT NULL,
	"line_items" jsonb NOT NULL,
	"mirrored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_pk" PRIMARY KEY("connection_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "shopify"."privacy_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid NOT NULL,
	"shop_domain" text NOT NULL,
	"topic" text NOT NULL,
	"customer_id" text,
	"order_ids" text[] NOT NULL,
	"result" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_requests_delivery_id_unique" UNIQUE("delivery_id")
);
--> statement-breakpoint
CREATE TABLE "shopify"."product_variants" (
	"connection_id" uuid NOT NULL,
	"variant_id" text NOT NULL,
	"product_id" text NOT NULL,
	"title" text NOT NULL,
	"sku" text,
	"price" numeric NOT NULL,
	"inventory_quantity" integer,
	"position" integer NOT NULL,
	CONSTRAINT "product_variants_pk" PRIMARY KEY("connection_id","variant_id")
);
--> statement-breakpoint
CREATE TABLE "shopify"."products" (
	"connection_id" uuid NOT NULL,
	"product_id" text NOT NULL,
	"workspace_id" uuid NOT NULL,
	"title" text NOT NULL,
	"handle" text,
	"description" text,
	"status" text NOT NULL,
	"vendor" text,
	"product_type" text,
	"tags" text[] NOT NULL,
	"created_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"mirrored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_pk" PRIMARY KEY("connection_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "shopify"."order_rollups" (
	"connection_id" uuid NOT NULL,
	"grain" "shopify"."rollup_grain" NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"order_count" integer NOT NULL,
	"total_sales" numeric NOT NULL,
	"gross_sales" numeric NOT NULL,
	"refunds" numeric NOT NULL,
	CONSTRAINT "order_rollups_pk" PRIMARY KEY("connection_id","grain","bucket_start")
);
--> statement-breakpoint
CREATE TABLE "shopify"."product_rollups" (
	"connection_id" uuid NOT NULL,
	"grain" "shopify"."rollup_grain" NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"product_id" text NOT NULL,
	"quantity" bigint NOT NULL,
	"sales" numeric NOT NULL,
	CONSTRAINT "product_rollups_pk" PRIMARY KEY("connection_id","grain","bucket_start","product_id")
);
--> statement-breakpoint
CREATE TABLE "shopify"."brand_sales_alerts" (
	"workspace_id" uuid NOT NULL,
	"brand_id" uuid NOT NULL,
	"high_value_order_threshold" numeric,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "brand_sales_alerts_pk" PRIMARY KEY("workspace_id","brand_id")
);
--> statement-breakpoint
CREATE TABLE "shopify"."inventory_thresholds" (
	"connection_id" uuid NOT NULL,
	"product_id" text NOT NULL,
	"workspace_id" uuid NOT NULL,
	"threshold" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_thresholds_pk" PRIMARY KEY("connection_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "shopify"."sync_states" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"synced_until" timestamp with time zone,
	"run_started_at" timestamp with time zone,
	"checkpoint" jsonb,
	"runs" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"webhooks_verified_at" timestamp with time zone,
	"webhooks_missing" text[],
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "shopify"."shops" ADD COLUMN "plan" text;--> statement-breakpoint
ALTER TABLE "shopify"."shops" ADD COLUMN "source_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shopify"."shops" ADD COLUMN "observed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shopify"."shops" ADD COLUMN "rollup_timezone" text;--> statement-breakpoint
ALTER TABLE "shopify"."orders" ADD CONSTRAINT "orders_connection_id_integration_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "kit"."integration_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify"."product_variants" ADD CONSTRAINT "product_variants_connection_id_integration_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "kit"."integration_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify"."products" ADD CONSTRAINT "products_connection_id_integration_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "kit"."integration_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify"."order_rollups" ADD CONSTRAINT "order_rollups_connection_id_integration_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "kit"."integration_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify"."product_rollups" ADD CONSTRAINT "product_rollups_connection_id_integration_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "kit"."integration_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify"."inventory_thresholds" ADD CONSTRAINT "inventory_thresholds_connection_id_integration_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "kit"."integration_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify"."sync_states" ADD CONSTRAINT "sync_states_connection_id_integration_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "kit"."integration_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "shopify"."orders" USING btree ("connection_id","created_at");--> statement-breakpoint
CREATE INDEX "privacy_requests_shop_idx" ON "shopify"."privacy_requests" USING btree ("shop_domain","received_at");--> statement-breakpoint
CREATE INDEX "product_variants_product_idx" ON "shopify"."product_variants" USING btree ("connection_id","product_id");