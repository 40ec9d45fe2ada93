import { createRequire } from 'node:module';
import * as imported from 'graphql';
import { describe, expect, it } from 'vitest';

// formatGraphQLError relies on `instanceof GraphQLError`; that only holds when our `import 'graphql'`
// and Apollo's `require('graphql')` load the same module, as Node does and vitest.config.ts ensures.
describe('graphql', () => {
  it('is one module for our ESM imports and Apollo’s CommonJS requires', () => {
    const required = createRequire(import.meta.url)('graphql') as typeof imported;
    expect(required.GraphQLError).toBe(imported.GraphQLError);
  });
});
