import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// DESIGN.md "Who may import whom" is enforced by dependency-cruiser (.dependency-cruiser.mjs) in
// `npm run check`, which runs `npm run check:imports`. These tests run that same command, with the
// project's config, over the repository (it must pass) and over a small tree laid out like the
// repository in which one forbidden import at a time is planted (it must fail, naming the rule).

const root = path.resolve(import.meta.dirname, '..');
const config = path.join(root, '.dependency-cruiser.mjs');

interface Run {
  code: number;
  output: string;
}

/** The arguments `npm run check:imports` gives depcruise, with the config made absolute. */
async function checkImportsArgs(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [command, ...args] = (manifest.scripts['check:imports'] ?? '').split(' ');
  if (command !== 'depcruise') throw new Error(`check:imports does not run depcruise: ${command}`);
  return args.map((arg, index) => (args[index - 1] === '--config' ? config : arg));
}

async function checkImports(cwd: string): Promise<Run> {
  const bin = await realpath(path.join(root, 'node_modules', '.bin', 'depcruise'));
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [bin, ...(await checkImportsArgs())],
      {
        cwd,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

const manifest = (name: string, exports: Record<string, string>) =>
  JSON.stringify({ name, private: true, type: 'module', exports });

/** A tree laid out like the repository, every import in it allowed. */
const ALLOWED: Record<string, string> = {
  'package.json': JSON.stringify({
    name: 'fixture',
    private: true,
    type: 'module',
    workspaces: ['subgraphs/*', 'gateway', 'sandbox', 'drizzle', 'test/support'],
  }),
  'subgraphs/kit/package.json': manifest('@ionflux/kit', { './*': './src/*/index.ts' }),
  'subgraphs/kit/src/oauth/index.ts': "export const oauth = 'kit';\n",
  'subgraphs/kit/src/oauth/oauth.test.ts':
    "import { createTestDatabase } from '@ionflux/testing/database';\nimport { oauth } from './index.ts';\nexport const t = [oauth, createTestDatabase];\n",
  'subgraphs/shopify/package.json': manifest('@ionflux/shopify', { '.': './src/index.ts' }),
  'subgraphs/shopify/src/index.ts':
    "import { oauth } from '@ionflux/kit/oauth';\nimport { kitTable } from '@ionflux/drizzle/kit';\nexport const shopify = [oauth, kitTable];\n",
  'subgraphs/shopify/src/admin.test.ts':
    "import { cost } from '@ionflux/sandbox/shopify';\nimport { shopify } from './index.ts';\nexport const t = [cost, shopify];\n",
  'subgraphs/tiktok/package.json': manifest('@ionflux/tiktok', { '.': './src/index.ts' }),
  'subgraphs/tiktok/src/index.ts':
    "import { oauth } from '@ionflux/kit/oauth';\nexport const tiktok = oauth;\n",
  'gateway/package.json': manifest('@ionflux/gateway', { '.': './src/index.ts' }),
  'gateway/src/index.ts': "import { oauth } from '@ionflux/kit/oauth';\nexport const gateway = oauth;\n",
  'sandbox/package.json': manifest('@ionflux/sandbox', {
    '.': './src/index.ts',
    './shopify': './src/shopify/index.ts',
  }),
  'sandbox/src/index.ts': "export { cost } from './shopify/index.ts';\n",
  'sandbox/src/shopify/index.ts': 'export const cost = 1;\n',
  'sandbox/src/shopify/cost.test.ts':
    "import { startTestSimulator } from '@ionflux/testing/shopify-simulator';\nexport const t = startTestSimulator;\n",
  'drizzle/package.json': manifest('@ionflux/drizzle', { './*': './src/schema/*.ts' }),
  'drizzle/src/schema/kit.ts': 'export const kitTable = 1;\n',
  'drizzle/src/schema/llm.ts': 'export const llmTable = 1;\n',
  'test/support/package.json': manifest('@ionflux/testing', { './*': './src/*/index.ts' }),
  'test/support/src/database/index.ts': 'export const createTestDatabase = 1;\n',
  'test/support/src/shopify-simulator/index.ts':
    "import { cost } from '@ionflux/sandbox';\nexport const startTestSimulator = cost;\n",
  'test/support/src/system/index.ts':
    "import { gateway } from '@ionflux/gateway';\nimport { shopify } from '@ionflux/shopify';\nexport const startSystem = [gateway, shopify];\n",
  'test/e2e/system.test.ts':
    "import { cost } from '@ionflux/sandbox';\nimport { startSystem } from '@ionflux/testing/system';\nexport const t = [cost, startSystem];\n",
  'docs/examples/instagram/registration.ts':
    "import { oauth } from '@ionflux/kit/oauth';\nimport { kitTable } from '@ionflux/drizzle/kit';\nexport const example = [oauth, kitTable];\n",
  'scripts/start.ts':
    "import { gateway } from '@ionflux/gateway';\nimport { cost } from '@ionflux/sandbox';\nexport const start = [gateway, cost];\n",
};

const LINKS: Record<string, string> = {
  kit: 'subgraphs/kit',
  shopify: 'subgraphs/shopify',
  tiktok: 'subgraphs/tiktok',
  gateway: 'gateway',
  sandbox: 'sandbox',
  drizzle: 'drizzle',
  testing: 'test/support',
};

/** One forbidden import, planted as one file: the rule it breaks and the edge that must be reported. */
interface Violation {
  what: string;
  file: string;
  source: string;
  rule: string;
  edge: string;
}

const VIOLATIONS: Violation[] = [
  {
    what: 'the kit importing a subgraph',
    file: 'subgraphs/kit/src/oauth/profiles.ts',
    source: "import { shopify } from '@ionflux/shopify';\nexport const profiles = shopify;\n",
    rule: 'kit-reaches-subgraph-or-gateway',
    edge: 'subgraphs/kit/src/oauth/profiles.ts → subgraphs/shopify/src/index.ts',
  },
  {
    what: 'the kit importing a subgraph’s types only',
    file: 'subgraphs/kit/src/oauth/profile-types.ts',
    source: "import type { shopify } from '@ionflux/shopify';\nexport type Profiles = typeof shopify;\n",
    rule: 'kit-reaches-subgraph-or-gateway',
    edge: 'subgraphs/kit/src/oauth/profile-types.ts → subgraphs/shopify/src/index.ts',
  },
  {
    what: 'a kit test reaching a subgraph through the test-support package',
    file: 'subgraphs/kit/src/oauth/flow.test.ts',
    source: "import { startSystem } from '@ionflux/testing/system';\nexport const t = startSystem;\n",
    rule: 'kit-reaches-subgraph-or-gateway',
    edge: 'subgraphs/kit/src/oauth/flow.test.ts → subgraphs/shopify/src/index.ts',
  },
  {
    what: 'the kit importing the gateway',
    file: 'subgraphs/kit/src/oauth/gateway-hook.ts',
    source: "import { gateway } from '@ionflux/gateway';\nexport const hook = gateway;\n",
    rule: 'kit-reaches-subgraph-or-gateway',
    edge: 'subgraphs/kit/src/oauth/gateway-hook.ts → gateway/src/index.ts',
  },
  {
    what: 'the kit importing the sandbox',
    file: 'subgraphs/kit/src/oauth/simulated.ts',
    source: "import { cost } from '@ionflux/sandbox';\nexport const simulated = cost;\n",
    rule: 'service-imports-sandbox',
    edge: 'subgraphs/kit/src/oauth/simulated.ts → sandbox/src/index.ts',
  },
  {
    what: 'the kit importing another subgraph’s tables',
    file: 'subgraphs/kit/src/oauth/tables.ts',
    source: "import { llmTable } from '@ionflux/drizzle/llm';\nexport const tables = llmTable;\n",
    rule: 'kit-imports-subgraph-tables',
    edge: 'subgraphs/kit/src/oauth/tables.ts → drizzle/src/schema/llm.ts',
  },
  {
    what: 'a subgraph importing another subgraph',
    file: 'subgraphs/tiktok/src/shop-link.ts',
    source: "import { shopify } from '@ionflux/shopify';\nexport const link = shopify;\n",
    rule: 'subgraph-imports-subgraph',
    edge: 'subgraphs/tiktok/src/shop-link.ts → subgraphs/shopify/src/index.ts',
  },
  {
    what: 'a subgraph’s test importing another subgraph',
    file: 'subgraphs/tiktok/src/shop-link.test.ts',
    source: "import { shopify } from '@ionflux/shopify';\nexport const t = shopify;\n",
    rule: 'subgraph-imports-subgraph',
    edge: 'subgraphs/tiktok/src/shop-link.test.ts → subgraphs/shopify/src/index.ts',
  },
  {
    what: 'the gateway importing a subgraph',
    file: 'gateway/src/shop-plan.ts',
    source: "import { shopify } from '@ionflux/shopify';\nexport const plan = shopify;\n",
    rule: 'gateway-imports-subgraph',
    edge: 'gateway/src/shop-plan.ts → subgraphs/shopify/src/index.ts',
  },
  {
    what: 'a subgraph’s production code importing the sandbox',
    file: 'subgraphs/shopify/src/simulated.ts',
    source: "import { cost } from '@ionflux/sandbox/shopify';\nexport const simulated = cost;\n",
    rule: 'service-imports-sandbox',
    edge: 'subgraphs/shopify/src/simulated.ts → sandbox/src/shopify/index.ts',
  },
  {
    what: 'production code importing the test-support package',
    file: 'subgraphs/shopify/src/seed.ts',
    source:
      "import { createTestDatabase } from '@ionflux/testing/database';\nexport const seed = createTestDatabase;\n",
    rule: 'production-imports-test-support',
    edge: 'subgraphs/shopify/src/seed.ts → test/support/src/database/index.ts',
  },
  {
    what: 'a script importing the test-support package',
    file: 'scripts/seed.ts',
    source:
      "import { createTestDatabase } from '@ionflux/testing/database';\nexport const seed = createTestDatabase;\n",
    rule: 'production-imports-test-support',
    edge: 'scripts/seed.ts → test/support/src/database/index.ts',
  },
  {
    what: 'the sandbox importing the kit',
    file: 'sandbox/src/shopify/oauth.ts',
    source: "import { oauth } from '@ionflux/kit/oauth';\nexport const shared = oauth;\n",
    rule: 'sandbox-reaches-kit-or-subgraph',
    edge: 'sandbox/src/shopify/oauth.ts → subgraphs/kit/src/oauth/index.ts',
  },
  {
    what: 'a sandbox test reaching a subgraph through the test-support package',
    file: 'sandbox/src/shopify/system.test.ts',
    source: "import { startSystem } from '@ionflux/testing/system';\nexport const t = startSystem;\n",
    rule: 'sandbox-reaches-kit-or-subgraph',
    edge: 'sandbox/src/shopify/system.test.ts → subgraphs/kit/src/oauth/index.ts',
  },
  {
    what: 'the guide’s worked example importing a subgraph',
    file: 'docs/examples/instagram/tiktok-reuse.ts',
    source: "import { tiktok } from '@ionflux/tiktok';\nexport const reuse = tiktok;\n",
    rule: 'example-integration-imports-like-a-subgraph',
    edge: 'docs/examples/instagram/tiktok-reuse.ts → subgraphs/tiktok/src/index.ts',
  },
  {
    what: 'the guide’s worked example importing the sandbox',
    file: 'docs/examples/instagram/simulated.ts',
    source: "import { cost } from '@ionflux/sandbox';\nexport const simulated = cost;\n",
    rule: 'example-integration-imports-like-a-subgraph',
    edge: 'docs/examples/instagram/simulated.ts → sandbox/src/index.ts',
  },
  {
    what: 'a relative import leaving its package',
    file: 'subgraphs/shopify/src/cost.test.ts',
    source: "import { cost } from '../../../sandbox/src/shopify/index.ts';\nexport const t = cost;\n",
    rule: 'relative-import-leaves-package',
    edge: 'subgraphs/shopify/src/cost.test.ts → sandbox/src/shopify/index.ts',
  },
  {
    what: 'a kit test reaching the test-support package by relative path',
    file: 'subgraphs/kit/src/oauth/db.test.ts',
    source:
      "import { createTestDatabase } from '../../../../test/support/src/database/index.ts';\nexport const t = createTestDatabase;\n",
    rule: 'relative-import-leaves-package',
    edge: 'subgraphs/kit/src/oauth/db.test.ts → test/support/src/database/index.ts',
  },
  {
    what: 'an end-to-end test entering a package by relative path',
    file: 'test/e2e/old-way.test.ts',
    source: "import { startSystem } from '../support/src/system/index.ts';\nexport const t = startSystem;\n",
    rule: 'relative-import-enters-package',
    edge: 'test/e2e/old-way.test.ts → test/support/src/system/index.ts',
  },
  {
    what: 'an import that resolves to nothing',
    file: 'subgraphs/kit/src/oauth/typo.ts',
    source: "import { x } from '@ionflux/kit/oauht';\nexport const typo = x;\n",
    rule: 'unresolvable-import',
    edge: 'subgraphs/kit/src/oauth/typo.ts → @ionflux/kit/oauht',
  },
];

async function writeTree(directory: string, files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(directory, file)), { recursive: true });
    await writeFile(path.join(directory, file), text);
  }
}

describe('npm run check: the import rules of DESIGN.md', () => {
  let fixtures: string;
  beforeAll(async () => {
    fixtures = await mkdtemp(path.join(tmpdir(), 'ionflux-import-rules-'));
  });
  afterAll(async () => {
    await rm(fixtures, { recursive: true, force: true });
  });

  /** A fresh copy of the allowed tree (with its workspace links) plus `extra` files. */
  async function tree(name: string, extra: Record<string, string> = {}): Promise<string> {
    const directory = path.join(fixtures, name);
    await writeTree(directory, { ...ALLOWED, ...extra });
    await mkdir(path.join(directory, 'node_modules', '@ionflux'), { recursive: true });
    for (const [link, target] of Object.entries(LINKS)) {
      await symlink(
        path.join(directory, target),
        path.join(directory, 'node_modules', '@ionflux', link),
        'dir',
      );
    }
    return directory;
  }

  it('runs as part of npm run check', async () => {
    const { scripts } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts['check']).toContain('npm run --silent check:imports &&');
    expect(scripts['check:imports']).toMatch(/^depcruise --config \.dependency-cruiser\.mjs /);
  });

  it('passes on the repository as it is', async () => {
    const run = await checkImports(root);
    expect(run.output).toContain('no dependency violations found');
    expect(run.code).toBe(0);
  });

  it('passes on a tree of allowed imports (subgraphs → kit, tests → sandbox and test support, …)', async () => {
    const run = await checkImports(await tree('allowed'));
    expect(run.output).toContain('no dependency violations found');
    expect(run.code).toBe(0);
  });

  it('fails on a single forbidden import: the kit importing a subgraph', async () => {
    const [violation] = VIOLATIONS;
    if (!violation) throw new Error('no violation to plant');
    const run = await checkImports(await tree('one-violation', { [violation.file]: violation.source }));
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`error ${violation.rule}: ${violation.edge}`);
    expect(run.output).toContain('1 dependency violations (1 errors');
  });

  describe('with every forbidden import planted in one tree (one depcruise run)', () => {
    let run: Run;
    beforeAll(async () => {
      const planted = Object.fromEntries(VIOLATIONS.map((violation) => [violation.file, violation.source]));
      run = await checkImports(await tree('all-violations', planted));
    });

    it('fails', () => {
      expect(run.code).not.toBe(0);
    });

    it.each(VIOLATIONS.map((violation) => [violation.what, violation] as const))(
      'reports %s, naming the rule and the import',
      (_what, violation) => {
        expect(run.output).toContain(`error ${violation.rule}: ${violation.edge}`);
      },
    );
  });
});
