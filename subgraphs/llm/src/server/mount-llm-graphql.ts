import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ErrorCode, formatGraphQLError, IntegrationError } from '@ionflux/kit/errors';
import { IDENTITY_HEADER, type Identity, type IdentitySigner } from '@ionflux/kit/identity';
import type { Logger } from '@ionflux/kit/logging';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';

export interface MountOptions<Context> {
  schema: GraphQLSchema;
  identitySigner: IdentitySigner;
  logger: Logger;
  httpServer: Server;
  introspection: boolean;
  /** `signal` aborts when the caller's HTTP request closes before the answer is sent. */
  createContext(identity: Identity, signal: AbortSignal): Context;
}

/**
 * Mounts the subgraph at `POST /graphql` like the kit's `mountSubgraph` (gateway identity required,
 * errors coded and masked), and also gives each request a signal that aborts when the caller goes away,
 * so a provider call nobody waits for is cancelled instead of paid for in full.
 */
export async function mountLlmGraphql<Context extends object>(
  app: Express,
  options: MountOptions<Context>,
): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    introspection: options.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => {
      // Hand over the resolver's own error: under vitest, graphql loads twice (ESM for our sources,
      // CommonJS for Apollo), and an `instanceof GraphQLError` test on Apollo's wrapper then fails.
      const original = (error as { originalError?: unknown } | null)?.originalError;
      const masked = formatGraphQLError(formatted, original instanceof IntegrationError ? original : error);
      if (masked.extensions?.['code'] === ErrorCode.INTERNAL)
        options.logger.error({ err: error }, 'resolver failed');
      return masked;
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  await apollo.start();
  app.use(
    '/graphql',
    async (req, res, next) => {
      const verification = await options.identitySigner.verify(req.header(IDENTITY_HEADER));
      if (!verification.ok) {
        res.status(401).json({
          errors: [
            {
              message: `This subgraph only answers the IONFLUX gateway (${verification.reason}); send requests to the gateway.`,
              extensions: { code: ErrorCode.UNAUTHENTICATED },
            },
          ],
        });
        return;
      }
      res.locals['identity'] = verification.identity;
      next();
    },
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const controller = new AbortController();
        res.once('close', () => {
          if (!res.writableFinished) controller.abort(new Error('the caller went away'));
        });
        return options.createContext(res.locals['identity'] as Identity, controller.signal);
      },
    }),
  );
  return apollo;
}
