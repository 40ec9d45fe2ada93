// A second IONFLUX process for the cross-process refresh test: its own pool, its own in-process
// single-flight table. It says "ready", waits for "go" on stdin, then runs N concurrent getAccessToken
// calls and prints what each got (SHA-256 of the token, or the error code) as one JSON line.
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { createTikTokOAuthProfile } from '@ionflux/tiktok/oauth-profile';
import { connectDatabase } from '../../db/index.ts';
import { createInMemoryEventBus } from '../../events/index.ts';
import { getAccessToken } from '../get-access-token.ts';
import { TIKTOK_APP, testCipher } from './oauth-test-context.ts';

interface ChildConfig {
  databaseUrl: string;
  keySpec: string;
  tiktokUrl: string;
  connectionId: string;
  workspaceId: string;
  callers: number;
}

const config = JSON.parse(process.env['OAUTH_CHILD_CONFIG'] ?? '{}') as ChildConfig;
const database = connectDatabase(config.databaseUrl, { maxConnections: 10 });
const { sql } = database;
const deps = {
  sql,
  cipher: testCipher(config.keySpec),
  bus: createInMemoryEventBus(),
  profiles: {
    tiktok: createTikTokOAuthProfile({
      ...TIKTOK_APP,
      authOrigin: config.tiktokUrl,
      apiOrigin: config.tiktokUrl,
    }),
  },
};
await sql`select 1`;
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line.trim() === 'go') break;
const results = await Promise.all(
  Array.from({ length: config.callers }, () =>
    getAccessToken(deps, config.connectionId, config.workspaceId).then(
      (token) => ({ token: createHash('sha256').update(token.accessToken).digest('hex') }),
      (error: unknown) => ({ error: (error as { code?: string }).code ?? String(error) }),
    ),
  ),
);
process.stdout.write(`${JSON.stringify(results)}\n`);
await Promise.all([database.close(), deps.bus.close()]);
lines.close();
