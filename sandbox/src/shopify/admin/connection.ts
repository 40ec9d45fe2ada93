import { GraphQLError } from 'graphql';

/** Items in the order a connection pages through them (sort key and `reverse` already applied). */
export interface Sequence<T> {
  length: number;
  at(position: number): T | undefined;
  /** position of the item a cursor points at */
  positionOf(id: number): number | undefined;
}

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

export const MAX_PAGE_SIZE = 250;

/** Shopify cursors are opaque base64 JSON; the simulator's carry the last id like Shopify's do. */
export function encodeCursor(id: number, value?: string | number): string {
  return Buffer.from(JSON.stringify({ last_id: id, last_value: value ?? id })).toString('base64');
}

export function decodeCursor(cursor: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as { last_id?: unknown };
    if (typeof parsed.last_id === 'number') return parsed.last_id;
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`, {
    extensions: { code: 'BAD_REQUEST' },
  });
}

export function arraySequence<T extends { id: number }>(items: readonly T[], reverse = false): Sequence<T> {
  const ordered = reverse ? [...items].reverse() : items;
  return {
    length: ordered.length,
    at: (position) => ordered[position],
    positionOf: (id) => {
      const position = ordered.findIndex((item) => item.id === id);
      return position < 0 ? undefined : position;
    },
  };
}

export interface PageOptions<T> {
  idOf: (item: T) => number;
  matches?: (item: T) => boolean;
  /** bulk operations page through everything, so `first`/`last` are optional there */
  unbounded?: boolean;
  /** first position worth scanning (from an index on the sort key), when known */
  startAt?: number;
}

function findMatch<T>(
  sequence: Sequence<T>,
  from: number,
  step: 1 | -1,
  matches: (item: T) => boolean,
): boolean {
  for (let position = from; position >= 0 && position < sequence.length; position += step) {
    const item = sequence.at(position);
    if (item !== undefined && matches(item)) return true;
  }
  return false;
}

/** Relay pagination over a sequence: `first`/`after` forwards, `last`/`before` backwards. */
export function paginate<T>(
  sequence: Sequence<T>,
  args: ConnectionArgs,
  options: PageOptions<T>,
): Connection<T> {
  const matches = options.matches ?? (() => true);
  const first = args.first ?? undefined;
  const last = args.last ?? undefined;
  if (first === undefined && last === undefined && !options.unbounded) {
    throw new GraphQLError('you must provide one of first or last', { extensions: { code: 'BAD_REQUEST' } });
  }
  const cursorPosition = (cursor: string): number => {
    const position = sequence.positionOf(decodeCursor(cursor));
    if (position === undefined) throw new GraphQLError('Invalid cursor for current pagination sort.');
    return position;
  };
  const picked: T[] = [];
  let hasNextPage = false;
  let hasPreviousPage = false;
  if (last !== undefined && first === undefined) {
    const end = args.before ? cursorPosition(args.before) : sequence.length;
    let position = end - 1;
    for (; position >= 0 && picked.length <= last; position--) {
      const item = sequence.at(position);
      if (item !== undefined && matches(item)) picked.unshift(item);
    }
    if (picked.length > last) {
      picked.shift();
      hasPreviousPage = true;
    }
    hasNextPage = args.before ? findMatch(sequence, end, 1, matches) : false;
  } else {
    const limit = first ?? Number.POSITIVE_INFINITY;
    const start = args.after ? cursorPosition(args.after) + 1 : Math.max(0, options.startAt ?? 0);
    for (let position = start; position < sequence.length && picked.length <= limit; position++) {
      const item = sequence.at(position);
      if (item !== undefined && matches(item)) picked.push(item);
    }
    if (picked.length > limit) {
      picked.pop();
      hasNextPage = true;
    }
    hasPreviousPage = args.after ? findMatch(sequence, start - 1, -1, matches) : false;
  }
  const edges = picked.map((node) => ({ cursor: encodeCursor(options.idOf(node)), node }));
  return {
    edges,
    nodes: picked,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
