import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { IntegrationError } from '../errors/index.ts';
import type { SecretsProvider } from './secrets-provider.ts';
import { requireSecret } from './secrets-provider.ts';

// A secret name is one path segment: no separators, so a name can never reach outside the directory.
const SECRET_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * Secrets from a directory holding one file per secret, named after it (Kubernetes secret volumes,
 * Docker/compose secrets under `/run/secrets`). Files are read on every call, so a rotated mount is
 * picked up without a restart. One trailing newline is trimmed (`echo value > file` adds it).
 */
export function createFileSecretsProvider(directory: string): SecretsProvider {
  const root = path.resolve(directory);
  const where = `the files of ${root} (IONFLUX_SECRETS_PROVIDER=file:${directory})`;
  const provider: SecretsProvider = {
    async get(name) {
      if (!SECRET_NAME.test(name) || name.includes('..')) {
        throw new IntegrationError('INTERNAL', `"${name}" is not a valid secret file name`, {
          details: { reason: 'invalid_secret_name' },
        });
      }
      let content: string;
      try {
        content = await readFile(path.join(root, name), 'utf8');
      } catch (error) {
        if (isErrno(error, 'ENOENT')) return undefined;
        throw new IntegrationError(
          'INTERNAL',
          `Cannot read secret ${name} from ${root}: ${isErrno(error) ? error.code : 'read failed'}`,
          { cause: error, details: { reason: 'secret_unreadable', secret: name } },
        );
      }
      const value = content.replace(/\r?\n$/, '');
      return value === '' ? undefined : value;
    },
    require: (name) => requireSecret(provider, name, where),
  };
  return provider;
}

function isErrno(error: unknown, code?: string): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === 'string' &&
    (code === undefined || (error as NodeJS.ErrnoException).code === code)
  );
}
