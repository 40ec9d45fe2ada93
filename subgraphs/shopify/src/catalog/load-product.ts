import type { AdminProduct } from '../admin-api/index.ts';
import type { ConnectionScope } from '../loaders/index.ts';
import { type IonfluxProduct, toIonfluxProduct } from '../mapping/index.ts';

/** A product by global id through the request's batching loader; null when gone or not a product. */
export async function loadProduct(scope: ConnectionScope, id: string): Promise<IonfluxProduct | null> {
  const loaded = await scope.nodes.load(id);
  if (loaded?.node.__typename !== 'Product') return null;
  return toIonfluxProduct(loaded.node as AdminProduct, scope.connectionId, loaded.shopCurrency);
}
