// `npm start`: the whole system on one machine. Embedded PostgreSQL when DATABASE_URL is unset, the
// sandbox for providers without credentials, the three subgraphs and the gateway as child processes
// (as in production, one process each), a development JWT, and `ready` once everything answers.
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueToken } from '@ionflux/gateway';
import { type RunningPostgres, startEmbeddedPostgres } from '@ionflux/kit/embedded-postgres';
import { identityPublicKeyFor } from '@ionflux/kit/identity';
import { freePort } from '@ionflux/kit/server';
import { type Sandbox, startSandbox } from '@ionflux/sandbox';
import { SHOPIFY_SUBGRAPH_NODE_FLAGS } from '@ionflux/shopify/node-flags';
import { loadDevSecrets } from './src/dev-secrets.ts';
import { ensureDatabase } from './src/ensure-database.ts';
import { acquireInstanceLock } from './src/instance-lock.ts';
import { describeSeconds, jwtMaxLifetimeSeconds } from './src/jwt-lifetime.ts';
import { planSandbox } from './src/sandbox-plan.ts';
import { type ServiceProcess, spawnService } from './src/service-process.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
const host = env['HOST'] || '127.0.0.1';
const dataDir = path.resolve(root, env['IONFLUX_DATA_DIR'] || '.data');
const ports = {
  gateway: Number(env['PORT'] || 4000),
  llm: Number(env['LLM_SUBGRAPH_PORT'] || 4001),
  shopify: Number(env['SHOPIFY_SUBGRAPH_PORT'] || 4002),
  tiktok: Number(env['TIKTOK_SUBGRAPH_PORT'] || 4003),
};
const gatewayUrl = `http://${host}:${ports.gateway}`;
// With ADMIN_PORT, /readyz and /metrics move off the public ports: the gateway's to ADMIN_PORT, each
// subgraph's to the next port (llm +1, shopify +2, tiktok +3).
const adminBase = env['ADMIN_PORT'] ? Number(env['ADMIN_PORT']) : undefined;
const adminPorts =
  adminBase === undefined
    ? undefined
    : { gateway: adminBase, llm: adminBase + 1, shopify: adminBase + 2, tiktok: adminBase + 3 };
const adminUrl = (name: keyof typeof ports) =>
  adminPorts ? `http://${host}:${adminPorts[name]}` : `http://${host}:${ports[name]}`;
const line = (label: string, text: string) => console.log(`${label.padEnd(11)}${text}`);

mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
const lock = acquireInstanceLock(path.join(dataDir, 'ionflux.lock'), {
  pid: process.pid,
  gatewayUrl,
  startedAt: new Date().toISOString(),
});
if (!lock.ok) {
  console.error(
    `IONFLUX is already running from ${dataDir} (pid ${lock.holder.pid}, started ${lock.holder.startedAt}, ` +
      `gateway ${lock.holder.gatewayUrl}).\nUse that one, or stop it first (Ctrl+C in its terminal, or kill ${lock.holder.pid}); ` +
      'to run a second copy, give it another IONFLUX_DATA_DIR and PORT.',
  );
  process.exit(1);
}

const secrets = loadDevSecrets(path.join(dataDir, 'dev-secrets.json'));
const services: ServiceProcess[] = [];
let postgresServer: RunningPostgres | undefined;
let sandbox: Sandbox | undefined;
let shuttingDown = false;

async function shutdown(code: number): Promise<never> {
  if (shuttingDown) process.exit(code);
  shuttingDown = true;
  // Gateway first so no request reaches a subgraph that is already stopping.
  for (const service of [...services].reverse()) await service.stop();
  await sandbox?.close().catch(() => {});
  await postgresServer?.stop().catch(() => {});
  lock.ok && lock.release();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  let databaseUrl = env['DATABASE_URL'];
  if (databaseUrl) {
    line('postgres', 'DATABASE_URL (external)');
  } else {
    postgresServer = await startEmbeddedPostgres({
      dataDir,
      port: env['IONFLUX_EMBEDDED_PG_PORT'] ? Number(env['IONFLUX_EMBEDDED_PG_PORT']) : await freePort(),
    });
    databaseUrl = await ensureDatabase(postgresServer.url, 'ionflux');
    line(
      'postgres',
      `embedded PostgreSQL on port ${postgresServer.port}, data in ${path.relative(root, dataDir) || '.'}/postgres`,
    );
  }

  const plan = planSandbox(env);
  const sandboxEnv: Record<string, string> = {};
  if (plan.providers.length > 0) {
    sandbox = await startSandbox({
      credentials: secrets.sandbox,
      providers: plan.providers,
      host,
      basePort: env['SANDBOX_BASE_PORT'] ? Number(env['SANDBOX_BASE_PORT']) : 4010,
    });
    // Only providers without credentials are pointed at the simulators.
    for (const [key, value] of Object.entries(sandbox.env)) {
      const llm = /^(OPENAI|ANTHROPIC|GEMINI)_/.exec(key)?.[1]?.toLowerCase();
      if (!llm || plan.llmProviders.includes(llm as 'openai')) sandboxEnv[key] = value;
    }
    const simulated = [
      ...(sandbox.shopify ? ['Shopify'] : []),
      ...(sandbox.tiktok ? ['TikTok'] : []),
      ...plan.llmProviders.map((p) => ({ openai: 'OpenAI', anthropic: 'Anthropic', gemini: 'Gemini' })[p]),
    ];
    line(
      'sandbox',
      `SANDBOX MODE (${plan.reason}): ${simulated.join(', ')} simulated locally, not the real services`,
    );
    if (sandbox.shopify) line('', `shopify ${sandbox.shopify.url} (demo shop ${sandbox.shopify.demoShop})`);
    if (sandbox.tiktok) line('', `tiktok  ${sandbox.tiktok.url}`);
    if (sandbox.llm) line('', `llm     ${sandbox.llm.url}`);
  }

  const internalSecret = env['IONFLUX_INTERNAL_SECRET'] || secrets.internalSecret;
  const { IONFLUX_INTERNAL_SECRET: _gatewayOnly, ...inherited } = env;
  const common: NodeJS.ProcessEnv = {
    ...inherited,
    ...sandboxEnv,
    HOST: host,
    DATABASE_URL: databaseUrl,
    IONFLUX_JWT_SECRET: env['IONFLUX_JWT_SECRET'] || (env['IONFLUX_JWKS_URL'] ? '' : secrets.jwtSecret),
    // OAuth callbacks and webhooks are addressed to the gateway, which proxies them to their subgraph.
    IONFLUX_PUBLIC_URL: env['IONFLUX_PUBLIC_URL'] || gatewayUrl,
    // With another secrets provider the key comes from it, not from here.
    ...(env['IONFLUX_SECRETS_PROVIDER'] && env['IONFLUX_SECRETS_PROVIDER'] !== 'env'
      ? {}
      : { IONFLUX_MASTER_KEY: env['IONFLUX_MASTER_KEY'] || secrets.masterKey }),
  };
  const logFile = (name: string) => path.join(dataDir, 'logs', `${name}.log`);
  const subgraphs = [
    { name: 'llm', entry: 'subgraphs/llm/src/main.ts', portVar: 'LLM_SUBGRAPH_PORT', port: ports.llm },
    {
      name: 'shopify',
      entry: 'subgraphs/shopify/src/main.ts',
      portVar: 'SHOPIFY_SUBGRAPH_PORT',
      port: ports.shopify,
      nodeFlags: SHOPIFY_SUBGRAPH_NODE_FLAGS,
    },
    {
      name: 'tiktok',
      entry: 'subgraphs/tiktok/src/main.ts',
      portVar: 'TIKTOK_SUBGRAPH_PORT',
      port: ports.tiktok,
    },
  ] as const;
  await Promise.all(
    subgraphs.map(async (subgraph) => {
      const { name, entry, portVar, port } = subgraph;
      // As in production, subgraphs get only the public key of the gateway's identity key.
      const service = spawnService(
        name,
        path.join(root, entry),
        {
          ...common,
          IONFLUX_IDENTITY_PUBLIC_KEY:
            env['IONFLUX_IDENTITY_PUBLIC_KEY'] || identityPublicKeyFor(internalSecret),
          [portVar]: String(port),
          ...(adminPorts ? { ADMIN_PORT: String(adminPorts[name]) } : {}),
        },
        logFile(name),
        'nodeFlags' in subgraph ? subgraph.nodeFlags : [],
      );
      services.push(service);
      await service.ready(`${adminUrl(name)}/readyz`);
    }),
  );
  for (const { name, port } of subgraphs) line(name, `http://${host}:${port}/graphql`);

  // The dev token lives a day, or less when the gateway is told to accept less.
  const devTokenSeconds = Math.min(86_400, jwtMaxLifetimeSeconds(env));
  const devToken = await issueToken({
    secret: common['IONFLUX_JWT_SECRET'] || secrets.jwtSecret,
    workspaceId: secrets.workspaceId,
    userId: secrets.userId,
    // Within the gateway's IONFLUX_JWT_MAX_LIFETIME; each start prints a new one.
    expiresIn: `${devTokenSeconds}s`,
    audience: env['IONFLUX_JWT_AUDIENCE'],
    issuer: env['IONFLUX_JWT_ISSUER'],
  });
  const production = env['NODE_ENV'] === 'production';
  const gateway = spawnService(
    'gateway',
    path.join(root, 'gateway/src/main.ts'),
    {
      ...common,
      IONFLUX_INTERNAL_SECRET: internalSecret,
      PORT: String(ports.gateway),
      LLM_SUBGRAPH_URL: `http://${host}:${ports.llm}/graphql`,
      SHOPIFY_SUBGRAPH_URL: `http://${host}:${ports.shopify}/graphql`,
      TIKTOK_SUBGRAPH_URL: `http://${host}:${ports.tiktok}/graphql`,
      ...(adminPorts
        ? {
            ADMIN_PORT: String(adminPorts.gateway),
            LLM_SUBGRAPH_ADMIN_URL: adminUrl('llm'),
            SHOPIFY_SUBGRAPH_ADMIN_URL: adminUrl('shopify'),
            TIKTOK_SUBGRAPH_ADMIN_URL: adminUrl('tiktok'),
          }
        : {}),
      ...(production || env['IONFLUX_JWKS_URL'] ? {} : { IONFLUX_PLAYGROUND_TOKEN: devToken }),
    },
    logFile('gateway'),
  );
  services.push(gateway);
  await gateway.ready(`${adminUrl('gateway')}/readyz`);
  // GATEWAY_WORKERS gateway processes share its port (default: one per core).
  const workers = Number(env['GATEWAY_WORKERS'] || availableParallelism());
  line('gateway', `${gatewayUrl}/graphql (${workers} worker${workers === 1 ? '' : 's'})`);
  if (adminPorts) {
    const admins = (['gateway', 'llm', 'shopify', 'tiktok'] as const).map(
      (name) => `${name} ${adminUrl(name)}`,
    );
    line('admin', `/readyz and /metrics: ${admins.join(', ')}`);
  }
  if (!production) line('playground', `${gatewayUrl}/playground`);
  line('logs', `${path.relative(root, path.join(dataDir, 'logs'))}/<service>.log`);
  if (!env['IONFLUX_JWKS_URL'] && !env['IONFLUX_JWT_SECRET']) {
    line(
      'dev JWT',
      `workspace ${secrets.workspaceId}, user ${secrets.userId} (valid ${describeSeconds(devTokenSeconds)}):`,
    );
    console.log(devToken);
    // A fragment never reaches a server: the console moves it into sessionStorage and erases it.
    line('console', `${gatewayUrl}/console#token=${devToken}`);
  }
  console.log(`ready in ${process.uptime().toFixed(1)} s`);

  // A service that dies takes the system down with a clear report, instead of half a system.
  for (const service of services) {
    service.child.once('exit', (code, signal) => {
      if (shuttingDown) return;
      console.error(
        `${service.name} exited (${signal ?? `code ${code}`}); stopping everything. Its last lines:\n${service.tail()}`,
      );
      void shutdown(1);
    });
  }
} catch (error) {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
