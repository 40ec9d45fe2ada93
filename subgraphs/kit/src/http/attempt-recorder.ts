import type { Logger } from '../logging/index.ts';
import type { UrlDescription } from './describe-url.ts';
import type { AttemptOutcome, ProviderHttpMetrics } from './provider-http-metrics.ts';
import type { RetryReason } from './retry-decision.ts';
import type { AttemptResult } from './send-attempt.ts';

export interface AttemptRecord {
  attempt: number;
  ms: number;
  /** `2xx`…`5xx`, `network`, `timeout`, `circuit_open` or `cancelled`. */
  statusClass: string;
  outcome: AttemptOutcome;
  status?: number;
  reason?: RetryReason;
  retryInMs?: number;
  errorCode?: string;
}

/** Writes one log line and the metrics of one attempt of one call. */
export type RecordAttempt = (record: AttemptRecord) => void;

/**
 * A recorder bound to one call. The log line names provider, method, host and the redacted path: never
 * headers (they carry `Authorization`, provider access-token headers, `api-key`) nor bodies.
 */
export function createAttemptRecorder(
  context: { provider: string; method: string; where: UrlDescription },
  logger: Logger,
  metrics: ProviderHttpMetrics,
): RecordAttempt {
  const { provider, method, where } = context;
  return (record) => {
    metrics.requests.inc({ provider, status_class: record.statusClass, outcome: record.outcome });
    if (record.statusClass !== 'circuit_open') metrics.duration.observe({ provider }, record.ms / 1000);
    if (record.outcome === 'retried' && record.reason !== undefined) {
      metrics.retries.inc({ provider, reason: record.reason });
    }
    const line = { provider, method, host: where.host, path: where.path, ...record };
    if (record.outcome === 'retried' || record.outcome === 'failed') logger.warn(line, 'provider request');
    else logger.info(line, 'provider request');
  };
}

/** The `status_class` label of an attempt's result. */
export function statusClassOf(result: AttemptResult): string {
  if (result.kind === 'response') return `${Math.floor(result.response.status / 100)}xx`;
  return result.kind;
}
