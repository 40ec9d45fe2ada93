// This project's gateway for the federation benchmark: `runGateway`, as gateway/src/main.ts runs it
// (GATEWAY_WORKERS processes, or one), with the production configuration from env, serving the
// benchmark's supergraph (SUPERGRAPH_FILE) instead of the checked-in one.
import { readFileSync } from 'node:fs';
import { parseGatewayConfig, runGateway } from '@ionflux/gateway';

await runGateway(parseGatewayConfig(process.env), {
  supergraphSdl: readFileSync(process.env['SUPERGRAPH_FILE'] ?? '', 'utf8'),
});
