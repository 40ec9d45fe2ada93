// `npm run operations:register -- <dir> [--manifest <file>] [--supergraph <file>]`: registers the
// operations a client ships (its .graphql files) in the persisted query manifest the gateway loads
// with GATEWAY_TRUSTED_DOCUMENTS. Default manifest: GATEWAY_TRUSTED_DOCUMENTS, else
// ./trusted-documents.json; default supergraph: the checked-in one.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSupergraphSdl } from '@ionflux/schema';
import { readManifest, registerOperations } from './register-operations.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { manifest: { type: 'string' }, supergraph: { type: 'string' } },
});
const directory = positionals[0];
if (!directory) {
  console.error(
    'usage: npm run operations:register -- <dir of .graphql files> [--manifest <file>] [--supergraph <file>]',
  );
  process.exit(2);
}
const manifestFile = path.resolve(
  values.manifest ?? process.env['GATEWAY_TRUSTED_DOCUMENTS'] ?? 'trusted-documents.json',
);
const supergraphSdl = values.supergraph ? readFileSync(values.supergraph, 'utf8') : loadSupergraphSdl();
const registration = registerOperations(path.resolve(directory), supergraphSdl, readManifest(manifestFile));
if (!registration.ok) {
  console.error(
    `nothing registered; fix these and run again:\n${registration.problems.map((p) => `  - ${p}`).join('\n')}`,
  );
  process.exit(1);
}
writeFileSync(manifestFile, `${JSON.stringify(registration.manifest, null, 2)}\n`);
console.log(
  `${manifestFile}: ${registration.added.length} added (${registration.added.join(', ') || 'none'}), ` +
    `${registration.unchanged.length} already registered, ${registration.manifest.operations.length} in all`,
);
console.log(
  'Serve them with GATEWAY_TRUSTED_DOCUMENTS=<this file>; accept only them with GATEWAY_SAFELIST=on.',
);
