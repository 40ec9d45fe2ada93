// `npm run token -- --workspace <uuid> --user <uuid> [--expires 12h]`: prints a JWT the gateway accepts,
// signed with IONFLUX_JWT_SECRET, or with the development secret `npm start` generated (with the `aud`
// and `iss` of IONFLUX_JWT_AUDIENCE / IONFLUX_JWT_ISSUER when they are set).
// `npm run token -- --identity-public-key`: prints IONFLUX_IDENTITY_PUBLIC_KEY, the public key subgraphs
// verify the forwarded identity with, for IONFLUX_INTERNAL_SECRET (or the development secret).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { issueToken } from '@ionflux/gateway';
import { identityPublicKeyFor } from '@ionflux/kit/identity';
import { z } from 'zod';
import { loadDevSecrets } from './src/dev-secrets.ts';
import { describeSeconds, jwtMaxLifetimeSeconds } from './src/jwt-lifetime.ts';

const { values } = parseArgs({
  options: {
    workspace: { type: 'string' },
    user: { type: 'string' },
    expires: { type: 'string', default: '12h' },
    'identity-public-key': { type: 'boolean', default: false },
  },
});
const root = fileURLToPath(new URL('..', import.meta.url));
const secretsFile = path.join(
  path.resolve(root, process.env['IONFLUX_DATA_DIR'] || '.data'),
  'dev-secrets.json',
);
const devSecrets = existsSync(secretsFile) ? loadDevSecrets(secretsFile) : undefined;

if (values['identity-public-key']) {
  const internalSecret = process.env['IONFLUX_INTERNAL_SECRET'] || devSecrets?.internalSecret;
  if (!internalSecret) {
    console.error(
      'npm run token: no IONFLUX_INTERNAL_SECRET: set it, or run npm start once to create the dev secret',
    );
    process.exit(2);
  }
  console.log(identityPublicKeyFor(internalSecret));
  process.exit(0);
}

const secret = process.env['IONFLUX_JWT_SECRET'] || devSecrets?.jwtSecret;
const maxLifetime = jwtMaxLifetimeSeconds(process.env);
const problems: string[] = [];
if (!z.uuid().safeParse(values.workspace).success)
  problems.push('--workspace takes the workspace id (a UUID)');
if (!z.uuid().safeParse(values.user).success) problems.push('--user takes the user id (a UUID)');
const lifetime = durationSeconds(values.expires);
if (lifetime === undefined) problems.push('--expires takes a duration such as 30m, 12h or 7d');
else if (lifetime > maxLifetime)
  problems.push(
    `--expires ${values.expires} is longer than the ${describeSeconds(maxLifetime)} the gateway accepts (IONFLUX_JWT_MAX_LIFETIME)`,
  );
if (!secret)
  problems.push('no signing secret: set IONFLUX_JWT_SECRET, or run npm start once to create the dev secret');
if (problems.length > 0 || !secret || !values.workspace || !values.user) {
  console.error(`npm run token: ${problems.join('; ')}`);
  console.error('usage: npm run token -- --workspace <uuid> --user <uuid> [--expires 12h]');
  console.error('       npm run token -- --identity-public-key');
  process.exit(2);
}
console.log(
  await issueToken({
    secret,
    workspaceId: values.workspace,
    userId: values.user,
    expiresIn: values.expires,
    audience: process.env['IONFLUX_JWT_AUDIENCE'],
    issuer: process.env['IONFLUX_JWT_ISSUER'],
  }),
);

function durationSeconds(text: string): number | undefined {
  const match = /^(\d+)([smhdw])$/.exec(text);
  if (!match) return undefined;
  const unit = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 }[match[2] as 's'];
  return Number(match[1]) * unit;
}
