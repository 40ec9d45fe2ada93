/** A money amount as IONFLUX agents read it: decimal string, ISO currency. */
export interface IonfluxMoney {
  amount: string;
  currencyCode: string;
}

/**
 * The generic product IONFLUX agents see (spec 4.G), whatever store it came from. Shopify's shape is
 * mapped into it in one place ({@link toIonfluxProduct}); GraphQL serves this shape.
 */
export interface IonfluxProduct {
  id: string;
  source: 'shopify';
  connectionId: string;
  title: string;
  description: string | null;
  handle: string;
  status: 'ACTIVE' | 'ARCHIVED' | 'DRAFT';
  vendor: string;
  productType: string;
  tags: string[];
  variants: { id: string; title: string; sku: string | null; price: IonfluxMoney }[];
  images: { id: string | null; url: string; altText: string | null }[];
  createdAt: Date;
  updatedAt: Date;
}
