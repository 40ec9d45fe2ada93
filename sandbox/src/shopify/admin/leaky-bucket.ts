/** Bucket size and restore rate; Shopify's Standard plan values are the default. */
export interface BucketLimits {
  /** @default 2000 */ maximumAvailable: number;
  /** points per second; @default 100 */ restoreRate: number;
}

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/** The per (app, shop) leaky bucket of the Admin GraphQL API. */
export class LeakyBucket {
  readonly #limits: BucketLimits;
  readonly #now: () => number;
  #available: number;
  #at: number;

  constructor(limits: BucketLimits, now: () => number) {
    this.#limits = limits;
    this.#now = now;
    this.#available = limits.maximumAvailable;
    this.#at = now();
  }

  #refill(): void {
    const now = this.#now();
    const elapsed = Math.max(0, now - this.#at) / 1000;
    this.#available = Math.min(
      this.#limits.maximumAvailable,
      this.#available + elapsed * this.#limits.restoreRate,
    );
    this.#at = now;
  }

  /** Takes `cost` points if the bucket holds them; otherwise takes nothing. */
  tryTake(cost: number): boolean {
    this.#refill();
    if (this.#available < cost) return false;
    this.#available -= cost;
    return true;
  }

  refund(points: number): void {
    this.#refill();
    this.#available = Math.min(this.#limits.maximumAvailable, this.#available + points);
  }

  /** For tests and the control API: set the points currently available. */
  set(points: number): void {
    this.#refill();
    this.#available = Math.max(0, Math.min(this.#limits.maximumAvailable, points));
  }

  status(): ThrottleStatus {
    this.#refill();
    return {
      maximumAvailable: this.#limits.maximumAvailable,
      currentlyAvailable: Math.floor(this.#available),
      restoreRate: this.#limits.restoreRate,
    };
  }
}
