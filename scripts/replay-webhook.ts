// `npm run webhooks:replay -- <delivery-id>`: applies a stored webhook delivery again, e.g. one that went
// DEAD after its retries ran out, once the cause is fixed. <delivery-id> is the row id in
// kit.webhook_deliveries (the `delivery` field of the DEAD log line); with `--provider shopify` it is the
// provider's own id instead (X-Shopify-Webhook-Id). Uses DATABASE_URL, or the embedded PostgreSQL of a
// running `npm start`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createJobQueue } from '@ionflux/kit/jobs';
import { createLogger } from '@ionflux/kit/logging';
import { replayWebhookDelivery } from '@ionflux/kit/webhooks';
import postgres from 'postgres';

const usage = 'usage: npm run webhooks:replay -- <delivery-id> [--provider <name>]';
const { values, positionals } = parseArgs({
  options: { provider: { type: 'string' } },
  allowPositionals: true,
});
const [given] = positionals;
if (!given || positionals.length > 1) {
  console.error(`npm run webhooks:replay: name one delivery\n${usage}`);
  process.exit(2);
}
const databaseUrl = process.env['DATABASE_URL'] || embeddedDatabaseUrl();
if (!databaseUrl) {
  console.error('npm run webhooks:replay: set DATABASE_URL, or run it while `npm start` is running');
  process.exit(2);
}

const logger = createLogger({ service: 'webhooks-replay', level: 'warn' });
const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
const queue = await createJobQueue({ databaseUrl, logger });
try {
  const id = values.provider ? await rowIdOf(values.provider, given) : given;
  const result = id
    ? await replayWebhookDelivery(sql, queue, id)
    : ({ ok: false, reason: 'not_found' } as const);
  if (result.ok) {
    console.log(`delivery ${id} queued for processing again`);
  } else {
    console.error(`npm run webhooks:replay: delivery ${given} not replayed: ${result.reason}`);
    process.exitCode = 1;
  }
} finally {
  await queue.close();
  await sql.end({ timeout: 5 });
}

async function rowIdOf(provider: string, deliveryId: string): Promise<string | undefined> {
  const [row] = await sql<{ id: string }[]>`
    select id from kit.webhook_deliveries where provider = ${provider} and delivery_id = ${deliveryId}`;
  return row?.id;
}

/** The `ionflux` database of the embedded PostgreSQL `npm start` runs, found through its postmaster.pid. */
function embeddedDatabaseUrl(): string | undefined {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const pidFile = path.join(
    path.resolve(root, process.env['IONFLUX_DATA_DIR'] || '.data'),
    'postgres',
    'postmaster.pid',
  );
  if (!existsSync(pidFile)) return undefined;
  // Line 4 of postmaster.pid is the port; the credentials are the fixed ones of kit/embedded-postgres.
  const port = readFileSync(pidFile, 'utf8').split('\n')[3]?.trim();
  return port ? `postgres://postgres:postgres@127.0.0.1:${port}/ionflux` : undefined;
}
