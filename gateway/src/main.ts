import { runService } from '@ionflux/kit/server';
import { parseGatewayConfig } from './config.ts';
import { startGateway } from './start-gateway.ts';

await runService('gateway', async () => {
  const gateway = await startGateway(parseGatewayConfig(process.env));
  return { service: gateway, logger: gateway.logger };
});
