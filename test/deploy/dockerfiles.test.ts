import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDockerfile } from './support/check-dockerfile.ts';
import { type ImageName, images } from './support/images.ts';
import { dockerignore } from './support/module-closure.ts';

// No container engine runs on these machines: each Dockerfile is read and held to the image rules
// (support/check-dockerfile.ts), including that the image holds everything its entries import.
const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const names = Object.keys(images) as ImageName[];

describe('Dockerfiles (deploy/docker/*.Dockerfile)', () => {
  it.each(names)('%s: follows every image rule and holds every module its entries import', (name) => {
    const spec = images[name];
    expect(checkDockerfile(root, spec, read(spec.dockerfile))).toEqual([]);
  });

  it('.dockerignore keeps host installs, builds, data, Git and tests out of the build context', () => {
    const ignored = dockerignore(read('.dockerignore'));
    for (const file of [
      'node_modules/zod/package.json',
      'subgraphs/kit/node_modules/x/index.js',
      'gateway/dist/playground/manifest.json',
      '.data/postgres/PG_VERSION',
      '.git/HEAD',
      'test/e2e/gateway.test.ts',
      'subgraphs/kit/src/db/migrate-database.test.ts',
      'subgraphs/kit/src/jobs/testing/index.ts',
      'deploy/compose/local.env',
      '.env',
    ]) {
      expect(ignored(file), file).toBe(true);
    }
    for (const file of [
      'subgraphs/kit/src/db/migrate-database.ts',
      'schema/supergraph.graphql',
      'package-lock.json',
    ]) {
      expect(ignored(file), file).toBe(false);
    }
  });
});

describe('the Dockerfile rules catch what an engine would only show at build or run time', () => {
  const spec = images.shopify;
  const good = read(spec.dockerfile);
  const mutate = (from: string | RegExp, to: string) => {
    const changed = good.replace(from, to);
    expect(changed).not.toBe(good);
    return checkDockerfile(root, spec, changed);
  };

  it('a module the service imports that no COPY brings', () => {
    expect(mutate('COPY schema/src schema/src\n', '')).toContain(
      'schema/src/index.ts is imported by subgraphs/shopify/src/main.ts, subgraphs/shopify/src/worker-main.ts, scripts/migrate.ts but not copied into the image',
    );
  });

  it('data read at run time: the migrations', () => {
    expect(mutate('COPY drizzle/migrations drizzle/migrations\n', '').join('\n')).toMatch(
      /drizzle\/migrations\/kit\/.* is read by drizzle\/src\/migrations-folder.ts at run time/,
    );
  });

  it('a package the production install leaves out (a dev dependency the code started to import)', () => {
    const wrongWorkspace = mutate('--workspace subgraphs/shopify', '--workspace sandbox');
    expect(wrongWorkspace).toContain(
      'the production install must be limited to the workspace subgraphs/shopify (--workspace subgraphs/shopify)',
    );
    expect(wrongWorkspace).toContain(
      'subgraphs/kit/src/jobs/migrate-job-schema.ts imports graphile-worker, which npm ci --omit=dev --workspace sandbox does not install',
    );
  });

  it('root, a named user, no user, no healthcheck, a dev install, a stale base image', () => {
    expect(mutate('USER 1000:1000', 'USER 0')).toContain(
      'USER 0: root; run as an unprivileged uid such as 1000 (node)',
    );
    expect(mutate('USER 1000:1000', 'USER node').join()).toContain('USER node: give a numeric uid');
    expect(mutate('USER 1000:1000\n', '')).toContain(
      'the final stage sets no USER: the service would run as root',
    );
    expect(mutate(/HEALTHCHECK[^\n]*\\\n[^\n]*\n/, '')).toContain(
      'the final stage has no HEALTHCHECK CMD in exec form',
    );
    expect(mutate('--omit=dev ', '')).toContain(
      'one named stage must install the production dependencies (npm ci --omit=dev)',
    );
    expect(
      mutate('RUN --mount=type=cache,target=/root/.npm \\\n    npm ci', 'RUN npm install && npm ci').join(),
    ).toMatch(/line \d+: npm install; use npm ci \(the lockfile, nothing else\)/);
    expect(mutate(/^FROM node:24-trixie-slim$/m, 'FROM node:20-bookworm')).toContain(
      'FROM node:20-bookworm: stages start from node:24-<debian>-slim (or distroless nodejs24) or an earlier stage',
    );
    expect(mutate('COPY subgraphs/tiktok/package.json subgraphs/tiktok/\n', '')).toContain(
      'the install stage does not copy subgraphs/tiktok/package.json (npm ci checks the lockfile against every workspace)',
    );
  });
});
