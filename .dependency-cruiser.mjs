// The import rules of DESIGN.md "Who may import whom", checked by `npm run check` (`npm run check:imports`).
// Paths are the resolved files relative to the repository root: `@ionflux/kit/oauth` is
// `subgraphs/kit/src/oauth/index.ts`, so a rule on paths sees package imports and relative ones alike.
// `scripts/import-rules/import-rules.test.ts` proves each rule catches what it names.

/** A workspace package's folder; a file outside all of them belongs to the root package. */
const PACKAGE = '(subgraphs/[^/]+|gateway|schema|drizzle|sandbox|test/support)';
/** A subgraph other than the kit. */
const SUBGRAPH = '^subgraphs/(?!kit/)[^/]+/';
/** The services' code: what runs in production (the kit, the subgraphs, the gateway and their schemas). */
const SERVICE = '^(subgraphs/[^/]+|gateway|schema|drizzle)/';
/** Tests, benchmarks and the test-support package (`test/support`, `@ionflux/testing`). */
const TEST_CODE = ['\\.test\\.ts$', '^test/'];

const HOW_TO_IMPORT =
  'Import another package by its name (`@ionflux/kit/<capability>`, `@ionflux/sandbox/<provider>`, ' +
  '`@ionflux/testing/<folder>`; see the packages’ READMEs), never by a relative path out of its folder.';
/** Where test support went: what an import written the old way needs. */
const TEST_SUPPORT_MOVED =
  'Test support is the package `@ionflux/testing` (test/support/src/<folder>): `../support/start-system.ts` ' +
  'is now `@ionflux/testing/system`, a kit `./testing/…` helper `@ionflux/testing/<capability>`; ' +
  'test/support/README.md maps every old path to its new import.';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'subgraph-imports-subgraph',
      severity: 'error',
      comment:
        'Subgraphs never import each other (tests included): they meet only through federation. Share ' +
        'through the kit, or test the two together end to end through the gateway (test/e2e).',
      from: { path: '^subgraphs/(?!kit/)([^/]+)/' },
      to: { path: SUBGRAPH, pathNot: '^subgraphs/$1/' },
    },
    {
      name: 'kit-reaches-subgraph-or-gateway',
      severity: 'error',
      comment:
        'The kit knows no subgraph and not the gateway, tests included, not even through a helper of the ' +
        'test-support package. Drive kit code with a provider of its own (`@ionflux/testing/oauth` has an ' +
        'example provider and a standard OAuth server); a test of a subgraph’s profile with the kit belongs ' +
        'to that subgraph.',
      from: { path: '^subgraphs/kit/' },
      to: { path: [SUBGRAPH, '^gateway/'], reachable: true },
    },
    {
      name: 'kit-imports-subgraph-tables',
      severity: 'error',
      comment:
        'The kit’s code uses its own tables only (`@ionflux/drizzle/kit`, `@ionflux/drizzle/migrations`): ' +
        'a subgraph hands the kit what it needs of its tables through its registration.',
      from: { path: '^subgraphs/kit/', pathNot: TEST_CODE },
      to: { path: '^drizzle/src/schema/', pathNot: '^drizzle/src/schema/kit\\.ts$' },
    },
    {
      name: 'gateway-imports-subgraph',
      severity: 'error',
      comment:
        'The gateway knows subgraphs by URL and SDL (`@ionflux/schema`), not by their code; tests included. ' +
        'A test that needs the running system belongs in test/e2e.',
      from: { path: '^gateway/' },
      to: { path: SUBGRAPH },
    },
    {
      name: 'service-imports-sandbox',
      severity: 'error',
      comment:
        'No production code imports the sandbox: to a service a simulator is only a base URL in its config. ' +
        'Tests may import it (`@ionflux/sandbox`, `@ionflux/sandbox/<provider>`).',
      from: { path: SERVICE, pathNot: TEST_CODE },
      to: { path: '^sandbox/' },
    },
    {
      name: 'production-imports-test-support',
      severity: 'error',
      comment:
        'Only tests and benchmarks import the test-support package (`@ionflux/testing`, test/support) or a ' +
        'test file; production code and scripts never do.',
      from: { pathNot: TEST_CODE },
      to: { path: ['^test/', '\\.test\\.ts$'] },
    },
    {
      name: 'sandbox-reaches-kit-or-subgraph',
      severity: 'error',
      comment:
        'The sandbox shares no code with the clients it simulates for (a simulator sharing the client’s code ' +
        'would hide the client’s bugs): nothing of the kit, the subgraphs or the gateway, tests included, ' +
        'not even through a helper of the test-support package.',
      from: { path: '^sandbox/' },
      to: { path: ['^subgraphs/', '^gateway/'], reachable: true },
    },
    {
      name: 'example-integration-imports-like-a-subgraph',
      severity: 'error',
      comment:
        'The worked example of docs/adding-an-integration.md (docs/examples/) is built as a subgraph is: from ' +
        'the kit and the shared packages, never from a subgraph, the gateway, the sandbox or test support.',
      from: { path: '^docs/examples/' },
      to: { path: [SUBGRAPH, '^gateway/', '^sandbox/', '^test/'] },
    },
    {
      name: 'relative-import-leaves-package',
      severity: 'error',
      comment: `A relative import stays inside its package. ${HOW_TO_IMPORT} ${TEST_SUPPORT_MOVED}`,
      from: { path: `^${PACKAGE}/` },
      to: { dependencyTypes: ['local'], dependencyTypesNot: ['aliased'], pathNot: '^$1/' },
    },
    {
      name: 'relative-import-enters-package',
      severity: 'error',
      comment: `A file of the root package (scripts, test/e2e, test/security, test/bench) reaches a workspace package by relative path. ${HOW_TO_IMPORT} ${TEST_SUPPORT_MOVED}`,
      from: { pathNot: `^${PACKAGE}/` },
      to: { dependencyTypes: ['local'], dependencyTypesNot: ['aliased'], path: `^${PACKAGE}/` },
    },
    {
      name: 'unresolvable-import',
      severity: 'error',
      comment:
        'An import that does not resolve to a file, so the rules above cannot see where it goes. Fix the ' +
        `path, or add the package to the package.json of the workspace that uses it. ${TEST_SUPPORT_MOVED}`,
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.data|\\.git|bench-results|test-results)/' },
    // Type-only imports count: a type import of a subgraph still ties the kit to it.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
