import { type ParsedCronItem, parseCronItems } from 'graphile-worker';
import type { CronDefinition } from './task-definition.ts';

/** graphile-worker's cron items for our definitions; a malformed pattern or payload fails at start. */
export function toCronItems(cron: readonly CronDefinition[]): ParsedCronItem[] {
  return parseCronItems(
    cron.map((item) => ({
      task: item.task,
      match: item.pattern,
      identifier: item.identifier ?? item.task,
      payload: cronPayload(item),
      options: { backfillPeriod: item.backfillPeriodMs ?? 0 },
    })),
  );
}

function cronPayload(item: CronDefinition): Record<string, unknown> {
  if (item.payload === undefined) return {};
  if (typeof item.payload === 'object' && item.payload !== null && !Array.isArray(item.payload)) {
    return item.payload as Record<string, unknown>;
  }
  throw new Error(`cron payload of ${item.identifier ?? item.task} must be a JSON object`);
}
