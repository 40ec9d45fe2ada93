import { DEFAULT_SCALE, type ShopScale, ShopState } from './shop-state.ts';

const SHOP_DOMAIN = /^[a-zA-Z0-9][a-zA-Z0-9-]*\.myshopify\.com$/;

export function isShopDomain(shop: string): boolean {
  return SHOP_DOMAIN.test(shop);
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface ShopRegistryOptions {
  seed: boolean;
  scale: ShopScale;
  now: () => Date;
}

/** All shops of the simulator, created on first use. Unseeded shops start empty. */
export class ShopRegistry {
  readonly #shops = new Map<string, ShopState>();
  readonly #options: ShopRegistryOptions;

  constructor(options: ShopRegistryOptions) {
    this.#options = options;
  }

  get(domain: string): ShopState {
    const key = domain.toLowerCase();
    let shop = this.#shops.get(key);
    if (!shop) {
      const scale = this.#options.seed
        ? this.#options.scale
        : { ...DEFAULT_SCALE, products: 0, customers: 0, orders: 0 };
      shop = new ShopState(key, hash(key), scale, this.#options.now());
      this.#shops.set(key, shop);
    }
    return shop;
  }

  has(domain: string): boolean {
    return this.#shops.has(domain.toLowerCase());
  }
}
