// A second IONFLUX process for the cross-process refresh test: its own pool, its own in-process
// single-flight table. It says "ready", waits for "go" on stdin, then runs N concurrent getAccessToken
// calls and prints what each got (SHA-256 of the token, or the error code) as one JSON line.
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { createCredentialCipher, parseKeyring } from '@ionflux/kit/crypto';
import { connectDatabase } from '@ionflux/kit/db';
import { createInMemoryEventBus } from '@ionflux/kit/events';
import { getAccessToken } from '@ionflux/kit/oauth';
import { exampleOAuthProfile } from './example-oauth-profile.ts';

/** What the parent passes in `OAUTH_CHILD_CONFIG`. */
export interface RefreshChildConfig {
  databaseUrl: string;
  keySpec: string;
  /** The `example` provider's server. */
  providerUrl: string;
  connectionId: string;
  workspaceId: string;
  callers: number;
}

const config = JSON.parse(process.env['OAUTH_CHILD_CONFIG'] ?? '{}') as RefreshChildConfig;
const database = connectDatabase(config.databaseUrl, { maxConnections: 10 });
const { sql } = database;
const deps = {
  sql,
  cipher: createCredentialCipher(parseKeyring(config.keySpec)),
  bus: createInMemoryEventBus(),
  profiles: { example: exampleOAuthProfile(config.providerUrl) },
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
