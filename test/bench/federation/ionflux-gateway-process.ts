// This project's gateway for the federation benchmark: `startGateway` with the production
// configuration from env (as `gateway/src/main.ts` reads it), serving the benchmark's supergraph
// (SUPERGRAPH_FILE) instead of the checked-in one.
import { readFileSync } from 'node:fs';
import { parseGatewayConfig, startGateway } from '@ionflux/gateway';
import { runService } from '@ionflux/kit/server';

await runService('gateway', async () => {
  const gateway = await startGateway(parseGatewayConfig(process.env), {
    supergraphSdl: readFileSync(process.env['SUPERGRAPH_FILE'] ?? '', 'utf8'),
  });
  return { service: gateway, logger: gateway.logger };
});
