// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Compose's ${…} interpolations, not template literals
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMasterKey, loadKeyring } from '@ionflux/kit/crypto';
import { identityPublicKeyFor } from '@ionflux/kit/identity';
import { createEnvSecretsProvider } from '@ionflux/kit/secrets';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { interpolate, interpolateAll, MissingVariableError } from './support/compose-interpolation.ts';
import { images } from './support/images.ts';
import { checkServiceEnv, readEnvFile, sandboxEnvNames, serviceConfigs } from './support/service-config.ts';

// No container engine runs here: compose.yaml is checked as `docker compose` would read it (YAML with
// merge keys, interpolated from an env file), against the Compose Specification's JSON schema
// (deploy/schemas/compose-spec.json, vendored) and the services' own config schemas.
const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string | number | boolean | null>;
  depends_on?: Record<string, { condition: string; required?: boolean }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  ports?: string[];
  profiles?: string[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
}

const rawCompose = YAML.parse(read('compose.yaml'), { merge: true }) as unknown;
const sandboxEnv = readEnvFile(read('deploy/compose/sandbox.env'));
const exampleText = read('deploy/compose/example.env');

/** compose.yaml as Compose sees it with this env file: interpolated; `used` gets every variable read. */
function composeWith(env: ReadonlyMap<string, string>, used?: Set<string>): ComposeFile {
  return interpolateAll(rawCompose, env, used) as ComposeFile;
}

/** The environment a container gets: a key without value passes the env file's value when it sets one. */
function containerEnv(service: ComposeService, env: ReadonlyMap<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(service.environment ?? {})) {
    if (value === null) {
      const passed = env.get(name);
      if (passed !== undefined) out[name] = passed;
    } else out[name] = String(value);
  }
  return out;
}

/** example.env with its required (empty) keys filled as an operator would. */
function filledExample(): Map<string, string> {
  const env = readEnvFile(exampleText);
  const internalSecret = 'operator-chosen-internal-secret-0123456789abcdef';
  const filled: Record<string, string> = {
    POSTGRES_PASSWORD: 'operator-chosen-password',
    IONFLUX_INTERNAL_SECRET: internalSecret,
    IONFLUX_IDENTITY_PUBLIC_KEY: identityPublicKeyFor(internalSecret),
    IONFLUX_JWT_SECRET: 'operator-chosen-jwt-secret-0123456789abcdef',
    IONFLUX_MASTER_KEY: generateMasterKey('k2026-12'),
    IONFLUX_PUBLIC_URL: 'https://api.example.com',
  };
  for (const [name, value] of env) {
    if (value !== '') continue;
    const given = filled[name];
    if (given === undefined)
      throw new Error(`example.env leaves ${name} empty: comment it out or say how to fill it`);
    env.set(name, given);
  }
  return env;
}

describe('compose.yaml', () => {
  let validate: ReturnType<Ajv['compile']>;
  beforeAll(() => {
    // `strict` lints how a schema is written (ajv's own style rules, which the specification's schema
    // does not follow); validation of the document is the same either way.
    const ajv = new Ajv({ allErrors: true, strict: false });
    // It names draft-07 by an https URI ajv does not register; ajv's default dialect is draft-07.
    const { $schema, ...schema } = JSON.parse(read('deploy/schemas/compose-spec.json')) as {
      $schema: string;
    };
    expect($schema).toBe('https://json-schema.org/draft-07/schema');
    validate = ajv.compile(schema);
  });

  it('is valid against the Compose Specification schema, as written and interpolated from each env file', () => {
    for (const document of [rawCompose, composeWith(sandboxEnv), composeWith(filledExample())]) {
      const valid = validate(document);
      expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('the schema refuses what Compose would refuse: an unknown key, a bad condition, a non-string command', () => {
    const broken = structuredClone(composeWith(sandboxEnv)) as unknown as {
      services: Record<string, Record<string, unknown>>;
    };
    const gateway = broken.services['gateway'] ?? {};
    gateway['healthchek'] = gateway['healthcheck'];
    (gateway['depends_on'] as Record<string, { condition: string }>)['llm'] = { condition: 'service_helthy' };
    gateway['command'] = [{ fetch: 'x' }];
    expect(validate(broken)).toBe(false);
    const messages = (validate.errors ?? [])
      .map((error) => `${error.instancePath} ${error.message}`)
      .join('\n');
    expect(messages).toContain('/services/gateway must NOT have additional properties');
    expect(messages).toContain(
      '/services/gateway/depends_on/llm/condition must be equal to one of the allowed values',
    );
    expect(messages).toContain('/services/gateway/command/0 must be string');
  });

  it.each([
    ['deploy/compose/sandbox.env', () => sandboxEnv],
    ['deploy/compose/example.env, its required keys filled', filledExample],
  ])(
    'with %s, every IONFLUX service gets an env its config schema accepts, naming only settings it reads',
    (_, env) => {
      const values = env();
      const compose = composeWith(values);
      const problems: string[] = [];
      for (const [name, service] of Object.entries(compose.services)) {
        if (name === 'postgres' || name === 'sandbox') continue;
        expect(Object.keys(serviceConfigs), `a config schema for ${name}`).toContain(name);
        problems.push(...checkServiceEnv(name, containerEnv(service, values)));
      }
      expect(problems).toEqual([]);
    },
  );

  it('the sandbox profile is consistent: the simulators read every key they get and accept what the services present', async () => {
    const compose = composeWith(sandboxEnv);
    const simulators = compose.services['sandbox'];
    const names = sandboxEnvNames(root);
    const given = containerEnv(simulators ?? {}, sandboxEnv);
    for (const name of Object.keys(simulators?.environment ?? {})) expect(names, name).toContain(name);
    for (const [service, keys] of [
      ['llm', ['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'GEMINI_API_KEY']],
      ['shopify', ['SHOPIFY_API_KEY', 'SHOPIFY_API_SECRET']],
    ] as const) {
      const env = containerEnv(compose.services[service] ?? {}, sandboxEnv);
      for (const key of keys) expect(env[key], `${service} ${key}`).toBe(given[key]);
    }
    const llm = containerEnv(compose.services['llm'] ?? {}, sandboxEnv);
    expect(llm['OPENAI_BASE_URL']).toBe('http://sandbox:4012/openai/v1');
    expect(containerEnv(compose.services['shopify'] ?? {}, sandboxEnv)['SHOPIFY_ADMIN_ORIGIN']).toBe(
      'http://sandbox:4010/store/{shop}',
    );
    // The subgraphs verify what the gateway signs, and the master key opens: else every call fails.
    const gateway = containerEnv(compose.services['gateway'] ?? {}, sandboxEnv);
    expect(llm['IONFLUX_IDENTITY_PUBLIC_KEY']).toBe(
      identityPublicKeyFor(gateway['IONFLUX_INTERNAL_SECRET'] ?? ''),
    );
    const keyring = await loadKeyring(createEnvSecretsProvider(llm));
    expect(keyring.activeKeyId).toBe('sandbox-only');
  });

  it('starts in order: PostgreSQL healthy, the migration done, the subgraphs and worker, then the gateway on healthy subgraphs', () => {
    const { services } = composeWith(sandboxEnv);
    const condition = (service: string, on: string) => services[service]?.depends_on?.[on]?.condition;
    expect(condition('migrate', 'postgres')).toBe('service_healthy');
    for (const service of ['llm', 'shopify', 'tiktok', 'shopify-worker']) {
      expect(condition(service, 'postgres'), service).toBe('service_healthy');
      expect(condition(service, 'migrate'), service).toBe('service_completed_successfully');
    }
    for (const subgraph of ['llm', 'shopify', 'tiktok'])
      expect(condition('gateway', subgraph)).toBe('service_healthy');
    // Every service others wait on being healthy has a healthcheck that can pass.
    for (const [name, service] of Object.entries(services)) {
      for (const [on, dependency] of Object.entries(service.depends_on ?? {})) {
        if (dependency.condition !== 'service_healthy') continue;
        const test = services[on]?.healthcheck?.test ?? [];
        expect(test[0], `${name} waits for ${on} to be healthy`).toBe('CMD');
      }
    }
    // The services' healthchecks probe /healthz on the admin port they are given.
    for (const name of ['gateway', 'llm', 'shopify', 'tiktok']) {
      const service = services[name];
      expect(service?.environment?.['ADMIN_PORT'], name).toBe(9464);
      expect(service?.healthcheck?.test?.join(' '), name).toContain('http://127.0.0.1:9464/healthz');
    }
    // The worker serves no HTTP: the image's healthcheck (the subgraph's) is turned off, nobody waits on it.
    expect(services['shopify-worker']?.healthcheck).toEqual({ disable: true });
    expect(services['shopify-worker']?.ports).toBeUndefined();
    expect(services['shopify']?.environment?.['SHOPIFY_WORKER_IN_PROCESS']).toBe('false');
  });

  it('publishes only the gateway (its admin port on loopback) and, in the sandbox profile, the simulators on loopback', () => {
    const { services } = composeWith(sandboxEnv);
    const published = Object.entries(services).filter(([, service]) => service.ports);
    expect(published.map(([name]) => name).sort()).toEqual(['gateway', 'sandbox']);
    expect(services['gateway']?.ports).toEqual(['4000:4000', '127.0.0.1:9464:9464']);
    expect(services['sandbox']?.ports).toEqual(['127.0.0.1:4010-4012:4010-4012']);
    expect(services['sandbox']?.profiles).toEqual(['sandbox']);
    for (const [name, service] of Object.entries(services)) {
      if (name !== 'sandbox') expect(service.profiles, name).toBeUndefined();
      // Without the profile the sandbox does not exist: nothing may require it.
      if (service.depends_on?.['sandbox']) expect(service.depends_on['sandbox'].required, name).toBe(false);
    }
  });

  it('builds each image from its Dockerfile and runs only commands that image holds', () => {
    const { services } = composeWith(sandboxEnv);
    const imageOf = (service: ComposeService) =>
      /\/(\w+):/.exec(service.image ?? '')?.[1] as keyof typeof images;
    for (const [name, service] of Object.entries(services)) {
      if (name === 'postgres') continue;
      const spec = images[imageOf(service)];
      expect(spec, `${name} runs one of the project's images`).toBeDefined();
      if (service.build) expect(service.build.dockerfile).toBe(spec.dockerfile);
      if (service.command) {
        expect(service.command[0], name).toBe('node');
        expect(spec.entries, name).toContain(service.command[1]);
      }
    }
  });

  it('every variable it reads is listed in example.env, and the required ones stop Compose with a message', () => {
    const used = new Set<string>();
    const compose = composeWith(filledExample(), used);
    for (const service of Object.values(compose.services)) {
      for (const [name, value] of Object.entries(service.environment ?? {}))
        if (value === null) used.add(name);
    }
    const listed = new Set([...exampleText.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]));
    expect([...used].filter((name) => !listed.has(name))).toEqual([]);
    expect(() => composeWith(new Map())).toThrow(MissingVariableError);
    expect(() => composeWith(new Map())).toThrow(/POSTGRES_PASSWORD: set POSTGRES_PASSWORD in the env file/);
  });
});

describe('Compose interpolation (the rules the checks above rely on)', () => {
  const env = new Map([
    ['SET', 'value'],
    ['EMPTY', ''],
  ]);
  it('follows the Compose Specification', () => {
    expect(interpolate('${SET}/$SET/$$SET', env)).toBe('value/value/$SET');
    expect(interpolate('${UNSET:-a}${EMPTY:-b}${EMPTY-c}${SET:-d}', env)).toBe('abvalue');
    expect(interpolate('${UNSET:-${SET:-x}}', env)).toBe('value');
    expect(interpolate('${SET:+alt}${EMPTY:+alt}${EMPTY+alt}', env)).toBe('altalt');
    expect(() => interpolate('${EMPTY:?must be set}', env)).toThrow('EMPTY: must be set');
    expect(interpolate('${EMPTY?must be set}', env)).toBe('');
  });
});
