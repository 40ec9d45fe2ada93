ALTER TABLE "kit"."webhook_deliveries" ALTER COLUMN "payload" SET DATA TYPE json USING "payload"::json;
