/**
 * The Node.js flags the Shopify subgraph runs with (`npm start`, its image's CMD, the benchmark): a
 * young generation of a fixed 2 × 32 MB. Under a webhook burst each delivery's body and text live the
 * few tens of milliseconds until their group commit; with V8's default young generation, grown from
 * 1 MB by demand, they outlive its scavenges and are promoted, and the old generation is compacted every
 * half second. At this size they die young: on the 2-core reference machine the subgraph spent about
 * 40% less CPU per delivery (`npm run bench -- shopify-events`) and a fifth of the full collections.
 */
export const SHOPIFY_SUBGRAPH_NODE_FLAGS = ['--min-semi-space-size=32', '--max-semi-space-size=32'] as const;
