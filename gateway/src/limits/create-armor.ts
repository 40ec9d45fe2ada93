import { ApolloArmor } from '@escape.tech/graphql-armor';
import { refuseNulStringLiterals, refuseNulVariables } from './nul-characters.ts';

/** Limits on what one operation may ask for, enforced at validation, before any subgraph is called. */
export interface OperationLimits {
  /** @default 10 */
  maxDepth?: number;
  /** @default 15 */
  maxAliases?: number;
  /** @default 5000 */
  maxCost?: number;
  /**
   * Enforced by graphql-js's parser (Apollo's `parseOptions`), not Armor's plugin, which parses again
   * in a hook and turns syntax errors into 500s. Well above the alias and depth limits, so those rules,
   * which answer with a precise message, trip first.
   * @default 5000
   */
  maxTokens?: number;
  /** @default 50 */
  maxDirectives?: number;
}

/**
 * GraphQL Armor's plugins and validation rules for the gateway's Apollo Server, plus the refusal of NUL
 * characters in strings (literals and variables), which no table can store.
 */
export function createArmor(limits: OperationLimits = {}, { production = false } = {}) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth ?? 10, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases ?? 15 },
    costLimit: { maxCost: limits.maxCost ?? 5000 },
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives ?? 50 },
    blockFieldSuggestion: { enabled: production },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    plugins: [...plugins, refuseNulVariables()],
    validationRules: [...validationRules, refuseNulStringLiterals],
    parseOptions: { maxTokens: limits.maxTokens ?? 5000 },
  };
}
