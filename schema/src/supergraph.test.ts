import { describe, expect, it } from 'vitest';
import { composeSupergraph, loadSupergraphSdl } from './compose-supergraph.ts';

describe('schema/supergraph.graphql', () => {
  it('is what composing the subgraph SDLs in schema/ gives (run npm run compose after an SDL change)', () => {
    expect(loadSupergraphSdl()).toBe(composeSupergraph());
  });
});
