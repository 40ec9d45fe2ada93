export { ionfluxOrderFromMirror, ionfluxProductFromMirror } from './ionflux-from-mirror.ts';
export type { IonfluxLineItem, IonfluxOrder } from './ionflux-order.ts';
export { toIonfluxOrder } from './ionflux-order.ts';
export type { IonfluxMoney, IonfluxProduct } from './ionflux-product.ts';
export { toIonfluxProduct } from './ionflux-product.ts';
