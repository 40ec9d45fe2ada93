export type { VaultKvTestServer, VaultRequest } from './vault-kv-test-server.ts';
export { startVaultKvTestServer } from './vault-kv-test-server.ts';
