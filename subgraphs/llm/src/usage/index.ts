// The ledger is written only through the writer (`createLedgerWriter`): its statements are not offered here.
export type { LedgerCall } from './ledger-call.ts';
export type {
  BeganUsage,
  BeginUsageInput,
  LedgerWriter,
  LedgerWriterOptions,
  RefusedUsage,
  ReserveOutcome,
  SealedKeyRow,
  UsageOutcome,
} from './ledger-writer.ts';
export { createLedgerWriter } from './ledger-writer.ts';
export type { QuotaRow } from './quota-store.ts';
export { getQuota, removeQuota, setQuota } from './quota-store.ts';
export type { UsageGroupRow } from './usage-report.ts';
export { usageReport } from './usage-report.ts';
