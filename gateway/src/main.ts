import { parseGatewayConfig } from './config.ts';
import { runGateway } from './run-gateway.ts';

// GATEWAY_WORKERS processes sharing the port (node:cluster), or this one alone.
await runGateway(parseGatewayConfig(process.env));
