export type { IonfluxLineItem, IonfluxOrder } from './ionflux-order.ts';
export type { IonfluxMoney, IonfluxProduct } from './ionflux-product.ts';
export { toIonfluxOrder } from './to-ionflux-order.ts';
export { toIonfluxProduct } from './to-ionflux-product.ts';
