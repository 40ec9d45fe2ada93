// The part of autocannon 9's API the benchmarks use (it ships no types).
declare module 'autocannon' {
  interface Percentiles {
    average: number;
    mean: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
    total: number;
  }
  export interface AutocannonResult {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    latency: Percentiles & { totalCount: number };
    requests: Percentiles & { sent: number };
    throughput: Percentiles;
  }
  export interface AutocannonOptions {
    url: string;
    connections: number;
    duration: number;
    method: 'POST' | 'GET';
    headers?: Record<string, string>;
    body?: string;
    timeout?: number;
  }
  export default function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
}
