import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tableSets } from './migrations-folder.ts';

// Runs drizzle-kit once per table set, so each set keeps a migration history of its own and a service
// applies exactly the sets it owns.
const root = fileURLToPath(new URL('..', import.meta.url));
for (const set of tableSets) {
  const result = spawnSync(
    'npx',
    [
      'drizzle-kit',
      'generate',
      '--dialect=postgresql',
      set === 'kit' ? '--schema=src/schema/kit' : `--schema=src/schema/${set}.ts`,
      `--out=migrations/${set}`,
      ...process.argv.slice(2),
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
