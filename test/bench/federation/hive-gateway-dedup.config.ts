// Hive Gateway as the public federation benchmark configures it (gateways/hive-gateway/gateway.config.ts
// there): identical requests in flight at the same time are executed once (the key covers method, URL,
// every header, the document and the variables), and documents are JIT-compiled.
import { defineConfig } from '@graphql-hive/gateway';

export const gatewayConfig = defineConfig({
  inboundInflightRequestDeduplication: true,
  jit: true,
});
