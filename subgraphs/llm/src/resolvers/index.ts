import { DateTimeScalar } from '@ionflux/kit/scalars';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { llmProviders } from './llm-providers.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: {
    llmProviders: (_parent, _args, context) => llmProviders(context),
  },
};
