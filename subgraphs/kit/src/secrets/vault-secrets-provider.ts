import { IntegrationError } from '../errors/index.ts';
import type { SecretsProvider } from './secrets-provider.ts';
import { requireSecret } from './secrets-provider.ts';

export interface VaultSecretsOptions {
  /** Vault's origin, e.g. `https://vault.internal:8200`. */
  address: string;
  /** Sent as `X-Vault-Token`; never logged or put in a message. */
  token: string;
  /** Where the KV version 2 engine is mounted. @default 'secret' */
  mount?: string;
  /** The secret (one KV entry) whose keys are the secret names. @default 'ionflux' */
  path?: string;
  /** Vault Enterprise namespace, sent as `X-Vault-Namespace`. @default none */
  namespace?: string;
  /**
   * How long one read of the entry serves `get` calls. Short, so a secret changed in Vault reaches
   * running services within a minute without a restart, while a burst of reads costs one request.
   * @default 30_000
   */
  cacheTtlMs?: number;
  /**
   * How long past its expiry a cached entry still serves when Vault cannot be read (unreachable, sealed,
   * 5xx), so a Vault blip does not fail every request; Vault is asked again every few seconds meanwhile.
   * Refusals (403, 404) are never papered over. `0` turns this off.
   * @default 300_000
   */
  staleIfErrorMs?: number;
  /** Told when a refresh failed and a stale entry was served, e.g. to log a warning. @default none */
  onStaleServed?: (error: Error) => void;
  /** Per-request timeout. @default 5_000 */
  timeoutMs?: number;
  /** Clock for the cache; tests pass their own. @default Date.now */
  now?: () => number;
}

type SecretMap = ReadonlyMap<string, string>;

/**
 * Secrets from HashiCorp Vault's KV version 2 engine: `GET {address}/v1/{mount}/data/{path}` with
 * `X-Vault-Token`, each secret being one key of the entry's `data.data`. The whole entry is read at once
 * and cached for `cacheTtlMs`; concurrent misses share one request, and a Vault outage is bridged by the
 * last good entry for `staleIfErrorMs`. Vault's errors become messages that say what to fix (403: the
 * token or its policy; 404: the path), without the token.
 */
export function createVaultSecretsProvider(options: VaultSecretsOptions): SecretsProvider {
  const mount = trimSlashes(options.mount ?? 'secret');
  const secretPath = trimSlashes(options.path ?? 'ionflux');
  const url = `${options.address.replace(/\/+$/, '')}/v1/${encodePath(mount)}/data/${encodePath(secretPath)}`;
  const where = `Vault KV ${mount}/${secretPath} at ${originOf(options.address)}`;
  const ttl = options.cacheTtlMs ?? 30_000;
  const now = options.now ?? Date.now;

  const staleIfError = options.staleIfErrorMs ?? 300_000;
  let cached: { secrets: SecretMap; fetchedAt: number; expiresAt: number } | undefined;
  let inFlight: Promise<SecretMap> | undefined;

  async function readEntry(): Promise<SecretMap> {
    const headers: Record<string, string> = { 'X-Vault-Token': options.token, accept: 'application/json' };
    if (options.namespace) headers['X-Vault-Namespace'] = options.namespace;
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: AbortSignal.timeout(options.timeoutMs ?? 5_000) });
    } catch (error) {
      throw vaultError(`${where} is unreachable (${describeFetchError(error)})`, 'vault_unreachable', error);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status === 200) return secretsOf(body, where);
    const said = vaultMessages(body);
    switch (response.status) {
      case 403:
        throw vaultError(
          `Vault refused to read ${where} (403${said}): the token is invalid or expired, or lacks a policy ` +
            `granting "read" on ${mount}/data/${secretPath}`,
          'vault_forbidden',
        );
      case 404: {
        // KV v2 answers 404 with the metadata when the latest version was deleted (soft delete).
        const deletedAt = field(field(field(body, 'data'), 'metadata'), 'deletion_time');
        if (typeof deletedAt === 'string' && deletedAt !== '') {
          throw vaultError(
            `The latest version of ${where} was deleted at ${deletedAt}: undelete it or write a new version`,
            'vault_path_missing',
          );
        }
        throw vaultError(
          `Vault has no secret at ${mount}/data/${secretPath} (404${said}): check VAULT_KV_MOUNT and ` +
            `VAULT_KV_PATH, or write it (vault kv put -mount=${mount} ${secretPath} NAME=value)`,
          'vault_path_missing',
        );
      }
      case 503:
        throw vaultError(`${where} is sealed or in standby (503${said})`, 'vault_unavailable');
      default:
        throw vaultError(`${where} answered ${response.status}${said}`, 'vault_error');
    }
  }

  async function entry(): Promise<SecretMap> {
    if (cached && now() < cached.expiresAt) return cached.secrets;
    inFlight ??= readEntry()
      .then(
        (secrets) => {
          const at = now();
          cached = { secrets, fetchedAt: at, expiresAt: at + ttl };
          return secrets;
        },
        (error: unknown) => {
          const reason = error instanceof IntegrationError ? error.details['reason'] : undefined;
          const transient = reason !== 'vault_forbidden' && reason !== 'vault_path_missing';
          if (!cached || !transient || now() >= cached.fetchedAt + ttl + staleIfError) throw error;
          // Serve the last good entry, and ask Vault again in a few seconds rather than on every call.
          cached = { ...cached, expiresAt: now() + Math.min(ttl, 5_000) };
          options.onStaleServed?.(error instanceof Error ? error : new Error(String(error)));
          return cached.secrets;
        },
      )
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  const provider: SecretsProvider = {
    async get(name) {
      return (await entry()).get(name);
    },
    require: (name) => requireSecret(provider, name, where),
  };
  return provider;
}

function secretsOf(body: unknown, where: string): SecretMap {
  const data = field(field(body, 'data'), 'data');
  if (data === null || typeof data !== 'object') {
    throw vaultError(
      `${where} answered 200 without data.data: is the mount a KV version 2 engine?`,
      'vault_error',
    );
  }
  const secrets = new Map<string, string>();
  for (const [name, value] of Object.entries(data)) {
    // KV entries written as JSON may hold numbers or booleans; secrets are strings to their users.
    if (typeof value === 'string') secrets.set(name, value);
    else if (typeof value === 'number' || typeof value === 'boolean') secrets.set(name, String(value));
  }
  return secrets;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/** Vault's `{"errors": [...]}` as `: a; b`, or nothing when it said nothing. */
function vaultMessages(body: unknown): string {
  const errors = field(body, 'errors');
  if (!Array.isArray(errors)) return '';
  const texts = errors
    .filter((e): e is string => typeof e === 'string')
    .map((e) =>
      e
        .replace(/\s+/g, ' ')
        .replace(/^1 error occurred: \* /, '')
        .trim(),
    )
    .filter((e) => e !== '');
  return texts.length > 0 ? `: ${texts.join('; ')}` : '';
}

function vaultError(message: string, reason: string, cause?: unknown): IntegrationError {
  return new IntegrationError('INTERNAL', message, {
    details: { reason },
    ...(cause === undefined ? {} : { cause }),
  });
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause = error instanceof Error ? (error.cause as NodeJS.ErrnoException | undefined) : undefined;
  return cause?.code ?? (error instanceof Error ? error.message : 'request failed');
}

function trimSlashes(value: string): string {
  return value.replace(/^\/+|\/+$/g, '');
}

function encodePath(value: string): string {
  return value.split('/').map(encodeURIComponent).join('/');
}

/** The address without any user:password part, for messages. */
function originOf(address: string): string {
  try {
    return new URL(address).origin;
  } catch {
    return 'VAULT_ADDR';
  }
}
