import { generateOrder, type OrderContext, orderCreatedAt, orderIdAt } from './generate-order.ts';
import type { OrderRecord } from './records.ts';

/** Up to this many generated orders are kept in memory; beyond it they are regenerated on each read. */
const MATERIALIZE_LIMIT = 50_000;

/**
 * The orders of one shop, in id order (which is also creation order). Seeded orders are a pure function
 * of their index, so a million-order shop costs only the orders that were changed or added.
 */
export class OrderBook {
  readonly #context: OrderContext;
  readonly #materialized: OrderRecord[] | undefined;
  readonly #changed = new Map<number, OrderRecord>();
  readonly #added: OrderRecord[] = [];
  #version = 0;

  constructor(context: OrderContext) {
    this.#context = context;
    if (context.count <= MATERIALIZE_LIMIT) {
      this.#materialized = Array.from({ length: context.count }, (_, i) => generateOrder(context, i));
    }
  }

  /** Bumped on every change, so derived indexes know when to rebuild. */
  get version(): number {
    return this.#version;
  }

  get size(): number {
    return this.#context.count + this.#added.length;
  }

  at(position: number): OrderRecord | undefined {
    if (position < 0 || position >= this.size) return undefined;
    if (position >= this.#context.count) return this.#added[position - this.#context.count];
    return (
      this.#changed.get(position) ?? this.#materialized?.[position] ?? generateOrder(this.#context, position)
    );
  }

  /** Cheap creation time for binary search, without generating the whole order. */
  createdAtAt(position: number): number {
    if (position < this.#context.count && !this.#changed.has(position) && !this.#materialized) {
      return orderCreatedAt(this.#context, position).getTime();
    }
    return this.at(position)?.createdAt.getTime() ?? Number.POSITIVE_INFINITY;
  }

  positionOf(id: number): number | undefined {
    const position = id - orderIdAt(0);
    return Number.isInteger(position) && position >= 0 && position < this.size ? position : undefined;
  }

  byId(id: number): OrderRecord | undefined {
    const position = this.positionOf(id);
    return position === undefined ? undefined : this.at(position);
  }

  nextId(): number {
    return orderIdAt(this.size);
  }

  nextNumber(): number {
    return 1001 + this.size;
  }

  add(order: OrderRecord): void {
    if (order.id !== this.nextId()) throw new Error('orders must be added with nextId()');
    this.#added.push(order);
    this.#version++;
  }

  replace(order: OrderRecord): void {
    const position = this.positionOf(order.id);
    if (position === undefined) throw new Error(`no order ${order.id}`);
    if (position >= this.#context.count) this.#added[position - this.#context.count] = order;
    else if (this.#materialized) this.#materialized[position] = order;
    else this.#changed.set(position, order);
    this.#version++;
  }

  *[Symbol.iterator](): Generator<OrderRecord> {
    for (let position = 0; position < this.size; position++) {
      const order = this.at(position);
      if (order) yield order;
    }
  }
}
