# syntax=docker/dockerfile:1
# The provider simulators (Shopify, TikTok, OpenAI, Anthropic, Gemini) for a development or demo
# deployment; never part of production. From the repository root:
#   docker build -f deploy/docker/sandbox.Dockerfile -t ionflux/sandbox .
# Shopify on 4010, TikTok on 4011, the LLM providers on 4012 (SANDBOX_BASE_PORT moves them).

# Every workspace manifest and the lockfile: `npm ci` checks the lockfile against all of them.
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

# The sandbox's production dependencies only (its SDK devDependencies serve its own tests).
FROM manifests AS deps
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund --workspace sandbox

FROM node:24-trixie-slim
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
    /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
ENV NODE_ENV=production SANDBOX_HOST=0.0.0.0 SANDBOX_BASE_PORT=4010
WORKDIR /app
COPY --from=deps /app ./
COPY sandbox/src sandbox/src
USER 1000:1000
EXPOSE 4010 4011 4012
# Alive when each simulator answers HTTP at all (any status).
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "const base = Number(process.env.SANDBOX_BASE_PORT); Promise.all([0, 1, 2].map((i) => fetch(`http://127.0.0.1:${base + i}/`))).then(() => process.exit(0), () => process.exit(1))"]
CMD ["node", "sandbox/src/main.ts"]
