import { describe, expect, it } from 'vitest';
import { type FieldValue, matchesSearch, parseSearchQuery } from './search-query.ts';

interface Row {
  created: Date;
  status: string;
  name: string;
}

const field = (row: Row, name: string): FieldValue =>
  name === 'created_at' ? row.created : name === 'status' ? row.status : undefined;
const match = (query: string, row: Row) => matchesSearch(row, parseSearchQuery(query), field, (r) => r.name);
const row: Row = { created: new Date('2026-05-10T12:00:00Z'), status: 'active', name: 'Classic Tee' };

describe('Shopify search syntax', () => {
  it('compares dates with >, >=, <, <= and quoted values', () => {
    expect(match("created_at:>'2026-05-01'", row)).toBe(true);
    expect(match('created_at:<=2026-05-01T00:00:00Z', row)).toBe(false);
    expect(match('created_at:>=2026-05-10T12:00:00Z AND created_at:<2026-06-01', row)).toBe(true);
  });

  it('supports OR, negation, comma lists and free text', () => {
    expect(match('status:draft OR status:active', row)).toBe(true);
    expect(match('-status:active', row)).toBe(false);
    expect(match('status:draft,active', row)).toBe(true);
    expect(match('classic', row)).toBe(true);
    expect(match('unknown_field:1 classic', row)).toBe(true);
  });
});
