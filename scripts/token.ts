// `npm run token -- --workspace <uuid> --user <uuid> [--expires 12h]`: prints a JWT the gateway accepts,
// signed with IONFLUX_JWT_SECRET, or with the development secret `npm start` generated.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { issueToken } from '@ionflux/gateway';
import { z } from 'zod';
import { loadDevSecrets } from './src/dev-secrets.ts';

const { values } = parseArgs({
  options: {
    workspace: { type: 'string' },
    user: { type: 'string' },
    expires: { type: 'string', default: '12h' },
  },
});
const root = fileURLToPath(new URL('..', import.meta.url));
const secretsFile = path.join(
  path.resolve(root, process.env['IONFLUX_DATA_DIR'] || '.data'),
  'dev-secrets.json',
);
const secret =
  process.env['IONFLUX_JWT_SECRET'] ||
  (existsSync(secretsFile) ? loadDevSecrets(secretsFile).jwtSecret : undefined);

const problems: string[] = [];
if (!z.uuid().safeParse(values.workspace).success)
  problems.push('--workspace takes the workspace id (a UUID)');
if (!z.uuid().safeParse(values.user).success) problems.push('--user takes the user id (a UUID)');
if (!/^\d+[smhdw]$/.test(values.expires)) problems.push('--expires takes a duration such as 30m, 12h or 7d');
if (!secret)
  problems.push('no signing secret: set IONFLUX_JWT_SECRET, or run npm start once to create the dev secret');
if (problems.length > 0 || !secret || !values.workspace || !values.user) {
  console.error(`npm run token: ${problems.join('; ')}`);
  console.error('usage: npm run token -- --workspace <uuid> --user <uuid> [--expires 12h]');
  process.exit(2);
}
console.log(
  await issueToken({ secret, workspaceId: values.workspace, userId: values.user, expiresIn: values.expires }),
);
