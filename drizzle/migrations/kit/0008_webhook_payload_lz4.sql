-- Webhook payloads compressed with LZ4 where the server has it (PostgreSQL built --with-lz4, as the
-- official postgres images and Debian's are; the embedded binaries are not, and keep pglz). A stored
-- 10 KB order is compressed as it is stored, before the 200: pglz cost the storing backend about 110 µs
-- a delivery, LZ4 about 63 (`npm run bench -- shopify-events` names the method in use), for about 15%
-- more bytes (3.2 KB against 2.8 KB). Rows stored before keep their method: both read back alike.
DO $$
BEGIN
	IF EXISTS (
		SELECT FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)
	) THEN
		ALTER TABLE "kit"."webhook_deliveries" ALTER COLUMN "payload" SET COMPRESSION lz4;
	END IF;
END
$$;
