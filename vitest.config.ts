import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';

// Three layers: unit tests sit beside the code they test; end-to-end tests in test/ start the real
// gateway, subgraphs, Postgres and sandbox on free ports; security tests in test/security/ attack such a
// running system from outside. All share one Postgres started once per run (embedded unless
// DATABASE_URL is set), each test file getting a database of its own.
export default defineConfig({
  // graphql 16 ships CommonJS (main) and ESM (module). Node resolves `import 'graphql'` to the CommonJS
  // build, the one Apollo requires; Vite would pick the ESM build, loading graphql twice and breaking
  // `instanceof GraphQLError`. Resolve as Node does.
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] },
  test: {
    globalSetup: ['./test/support/src/database/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            '{gateway,subgraphs,schema,drizzle,sandbox,scripts}/**/src/**/*.test.ts',
            'scripts/**/*.test.ts',
            // The test-support package's tests of its own stand-ins.
            'test/support/src/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/security/**', 'test/reliability/**', 'test/support/**'],
        },
      },
      {
        // Attacks on a running system over real sockets: path escapes through the proxy, the tenant-isolation
        // matrix generated from the supergraph, property-based fuzzing of every outside input.
        extends: true,
        test: { name: 'security', include: ['test/security/**/*.test.ts'] },
      },
      {
        // The gateway under load through failures (a subgraph killed, PostgreSQL restarted) and a memory
        // soak: minutes long, so only `npm run test:reliability` runs them (IONFLUX_RELIABILITY=1).
        extends: true,
        test: {
          name: 'reliability',
          include: process.env['IONFLUX_RELIABILITY'] ? ['test/reliability/**/*.test.ts'] : [],
          testTimeout: 30 * 60_000,
        },
      },
    ],
  },
});
