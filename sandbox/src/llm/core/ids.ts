import { createHash } from 'node:crypto';

/** Identifiers that look like the provider's and repeat from run to run (a counter, hashed). */
export class IdSource {
  #counter = 0;

  next(prefix: string, length = 24): string {
    this.#counter += 1;
    const digest = createHash('sha256').update(`${prefix}${this.#counter}`).digest('base64url');
    return `${prefix}${digest.replace(/[-_]/g, 'x').slice(0, length)}`;
  }
}
