import express, { type Request, type Response, type Router } from 'express';
import {
  type DocumentNode,
  execute,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  validate,
} from 'graphql';
import type { LoggedRequest } from '../control/request-log.ts';
import type { ShopRegistry } from '../data/shop-registry.ts';
import type { TokenRegistry } from '../oauth/token-registry.ts';
import type { AdminContext, AdminEffects } from './admin-context.ts';
import { inputLimitErrors } from './input-limits.ts';
import type { LeakyBucket } from './leaky-bucket.ts';
import { queryCost } from './query-cost.ts';

export const MAX_QUERY_COST = 1000;
const RATE_LIMIT_DOCS = 'https://shopify.dev/api/usage/rate-limits';

export interface GraphqlRouteConfig {
  schema: GraphQLSchema;
  shops: ShopRegistry;
  tokens: TokenRegistry;
  bucketFor: (shop: string) => LeakyBucket;
  baseUrl: () => string;
  now: () => Date;
  effects: AdminEffects;
  /** 200 as Shopify does; 429 to exercise clients' other path */
  throttledStatus: number;
}

const INVALID_TOKEN = {
  errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
};

const maxCostMessage = (cost: number): string =>
  `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\n` +
  'See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n' +
  'cost of a query is calculated.\n\n' +
  'To query larger amounts of data with fewer limits, bulk operations should be used instead.\n' +
  'See https://shopify.dev/api/usage/bulk-operations/queries for usage details.\n';

function requestBody(req: Request): { query?: unknown; variables?: unknown; operationName?: unknown } {
  if (typeof req.body === 'string') return { query: req.body };
  return (req.body ?? {}) as Record<string, unknown>;
}

/** `POST /admin/api/{version}/graphql.json`: token check, size limits, cost, leaky bucket, execution. */
export function graphqlRoute(config: GraphqlRouteConfig): Router {
  const router = express.Router({ mergeParams: true });
  router.post(
    '/admin/api/:version/graphql.json',
    express.json({ limit: '10mb' }),
    express.text({ type: 'application/graphql' }),
    async (req: Request<{ shop: string; version: string }>, res: Response) => {
      const { shop: domain, version } = req.params;
      if (!/^(\d{4}-\d{2}|unstable)$/.test(version)) return res.status(404).json({ errors: 'Not Found' });
      res.setHeader('X-Shopify-API-Version', version);
      const check = config.tokens.check(req.get('x-shopify-access-token') ?? '', domain);
      if (!check.ok) return res.status(401).json(INVALID_TOKEN);
      const body = requestBody(req);
      if (typeof body.query !== 'string' || body.query.trim() === '') {
        return res.status(400).json({ errors: { query: 'Required parameter missing or invalid' } });
      }
      let document: DocumentNode;
      try {
        document = parse(body.query);
      } catch (error) {
        return res.json({
          errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))],
        });
      }
      const validationErrors = validate(config.schema, document);
      if (validationErrors.length > 0) return res.json({ errors: validationErrors });
      const operationName = typeof body.operationName === 'string' ? body.operationName : null;
      const operation = getOperationAST(document, operationName);
      if (!operation) return res.json({ errors: [new GraphQLError('An operation name is required')] });
      const variables = (
        typeof body.variables === 'object' && body.variables !== null ? body.variables : {}
      ) as Record<string, unknown>;
      const limitErrors = inputLimitErrors(document, variables);
      if (limitErrors.length > 0) return res.json({ errors: limitErrors });

      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of document.definitions) {
        if (definition.kind === 'FragmentDefinition') fragments[definition.name.value] = definition;
      }
      const costInput = { schema: config.schema, operation, fragments, variables };
      const requested = queryCost(costInput);
      if (requested > MAX_QUERY_COST) {
        return res.json({
          errors: [
            {
              message: maxCostMessage(requested),
              extensions: {
                code: 'MAX_COST_EXCEEDED',
                cost: requested,
                maxCost: MAX_QUERY_COST,
                documentation: RATE_LIMIT_DOCS,
              },
            },
          ],
        });
      }
      const bucket = config.bucketFor(domain);
      if (!bucket.tryTake(requested)) {
        const entry = res.locals['logEntry'] as LoggedRequest | undefined;
        if (entry) entry.throttled = true;
        if (config.throttledStatus === 429) res.setHeader('Retry-After', '1.0');
        return res.status(config.throttledStatus).json({
          errors: [
            { message: 'Throttled', extensions: { code: 'THROTTLED', documentation: RATE_LIMIT_DOCS } },
          ],
          extensions: {
            cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status() },
          },
        });
      }
      const context: AdminContext = {
        shop: config.shops.get(domain),
        scopes: check.grant.scopes,
        baseUrl: config.baseUrl(),
        apiVersion: version,
        now: config.now,
        bulk: false,
        effects: config.effects,
      };
      const result = await execute({
        schema: config.schema,
        document,
        contextValue: context,
        variableValues: variables,
        operationName,
      });
      const actual = Math.min(requested, queryCost(costInput, result.data ?? null));
      bucket.refund(requested - actual);
      return res.json({
        ...(result.errors ? { errors: result.errors } : {}),
        data: result.data ?? null,
        extensions: {
          cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() },
        },
      });
    },
  );
  return router;
}
