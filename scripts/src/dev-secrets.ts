import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generateMasterKey } from '@ionflux/kit/crypto';
import { generateSandboxCredentials, type SandboxCredentials } from '@ionflux/sandbox';

/** What a development install generates once and keeps, so printed tokens survive restarts. */
export interface DevSecrets {
  jwtSecret: string;
  internalSecret: string;
  /** `IONFLUX_MASTER_KEY` of a development install: seals stored credentials. */
  masterKey: string;
  workspaceId: string;
  userId: string;
  /** App credentials the sandbox and the subgraphs share when no real ones are configured. */
  sandbox: SandboxCredentials;
}

/** Reads `<dataDir>/dev-secrets.json`, creating it (mode 600) on first start. */
export function loadDevSecrets(file: string): DevSecrets {
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecrets>;
    if (stored.sandbox && stored.masterKey) return stored as DevSecrets;
  }
  const secrets: DevSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    internalSecret: randomBytes(48).toString('base64url'),
    masterKey: generateMasterKey('dev-1'),
    workspaceId: randomUUID(),
    userId: randomUUID(),
    sandbox: generateSandboxCredentials(),
  };
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}
