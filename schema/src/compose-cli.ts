import { writeFileSync } from 'node:fs';
import { composeSupergraph, SUPERGRAPH_FILE } from './compose-supergraph.ts';
import { schemaPath } from './subgraphs.ts';

// `npm run compose`: rewrite the checked-in supergraph after an SDL change.
writeFileSync(schemaPath(SUPERGRAPH_FILE), composeSupergraph());
console.log(`wrote schema/${SUPERGRAPH_FILE}`);
