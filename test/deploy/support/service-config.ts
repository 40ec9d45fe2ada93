import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseGatewayConfig } from '@ionflux/gateway';
import { ConfigError } from '@ionflux/kit/config';
import { parseLlmConfig } from '@ionflux/llm';
import { parseShopifyConfig, parseShopifyWorkerConfig } from '@ionflux/shopify';
import { parseTikTokConfig } from '@ionflux/tiktok';
import { parseMigrateConfig } from '../../../scripts/migrate.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Each process a deployment runs, by the name compose and the manifests give it, with its env parser. */
export const serviceConfigs: Record<string, (env: Env) => object> = {
  gateway: parseGatewayConfig,
  llm: parseLlmConfig,
  shopify: parseShopifyConfig,
  'shopify-worker': parseShopifyWorkerConfig,
  tiktok: parseTikTokConfig,
  migrate: parseMigrateConfig,
};

/**
 * What is wrong with the env a deployment gives a service: the service's own zod schema must accept it
 * (as at start), and every name must be one the schema reads. The schemas drop unknown keys, so a name
 * missing from the parsed config is one the service never reads: a typo, or a setting it does not have.
 */
export function checkServiceEnv(service: string, env: Env): string[] {
  const parse = serviceConfigs[service];
  if (!parse) return [`no config schema is known for ${service}`];
  let config: object;
  try {
    config = parse(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => `${service}: ${problem}`);
    throw error;
  }
  return Object.keys(env)
    .filter((name) => !Object.hasOwn(config, name))
    .map((name) => `${service}: ${name} is not a setting it reads (not in its config schema)`);
}

/** The env names the sandbox's container entry reads (`env['NAME']`), from its source. */
export function sandboxEnvNames(root: string): Set<string> {
  const source = readFileSync(path.join(root, 'sandbox/src/main.ts'), 'utf8');
  return new Set([...source.matchAll(/env\['([A-Z0-9_]+)'\]/g)].map((match) => match[1] ?? ''));
}

/** Reads a dotenv file: `KEY=value` lines (the value taken as written), comments and blanks skipped. */
export function readEnvFile(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (match?.[1] && match[2] !== undefined) values.set(match[1], match[2]);
  }
  return values;
}
