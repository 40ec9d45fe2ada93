import { IntegrationError } from '../errors/index.ts';

/**
 * Where central secrets come from: provider API keys, app secrets, the master key. One interface, three
 * stores (process env, mounted files, HashiCorp Vault), chosen by `IONFLUX_SECRETS_PROVIDER`.
 */
export interface SecretsProvider {
  /** The secret's value; `undefined` when the secret is not set. */
  get(name: string): Promise<string | undefined>;
  /**
   * The secret's value; throws `IntegrationError('INTERNAL')` naming the secret and the provider when it
   * is not set, so a missing secret stops a service with a message an operator can act on.
   */
  require(name: string): Promise<string>;
}

/**
 * Builds `require` over `get` so every provider words a missing secret the same way.
 *
 * @param where names the store for the message (never a token or a value).
 */
export function requireSecret(
  provider: Pick<SecretsProvider, 'get'>,
  name: string,
  where: string,
): Promise<string> {
  return provider.get(name).then((value) => {
    if (value === undefined) {
      throw new IntegrationError('INTERNAL', `Secret ${name} is not set in ${where}; set it there.`, {
        details: { reason: 'secret_missing', secret: name },
      });
    }
    return value;
  });
}
