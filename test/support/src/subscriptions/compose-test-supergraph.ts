import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

/** Composes test subgraphs into a supergraph SDL (URLs are overridden per gateway anyway). */
export function composeTestSupergraph(
  subgraphs: readonly { name: string; sdl: string; graphqlUrl: string }[],
): string {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, typeDefs: parse(s.sdl), url: s.graphqlUrl })),
  );
  if (result.errors) throw new Error(`composition failed: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.supergraphSdl;
}
