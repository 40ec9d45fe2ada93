const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name] || fallback);
  if (!(Number.isFinite(value) && value >= 0))
    throw new Error(`${name} must be a number, got ${process.env[name]}`);
  return value;
};

/**
 * The federation and overhead benchmarks' settings, from env (each documented in the README's benchmark
 * section).
 */
export function benchSettings() {
  return {
    /** Measured seconds per gateway and round. @default 30 */
    seconds: numberFrom('BENCH_DURATION_S', 30),
    /** Load before measuring (JIT, pools, plan cache), not reported. @default 5 */
    warmupSeconds: numberFrom('BENCH_WARMUP_S', 5),
    /** @default 50 */
    connections: numberFrom('BENCH_CONNECTIONS', 50),
    /** Rounds over all gateways, alternated. @default 2 */
    rounds: numberFrom('BENCH_ROUNDS', 2),
    /** Comma-separated gateway ids to run (stock Apollo always runs: it is the reference). @default all */
    gateways: process.env['BENCH_GATEWAYS']?.split(',').map((id) => id.trim()),
    /** CPUs the gateway is pinned to (taskset list). @default '0' */
    gatewayCpus: process.env['BENCH_GATEWAY_CPUS'] || '0',
    /** CPUs of the subgraphs and the load generator. @default '1' */
    otherCpus: process.env['BENCH_OTHER_CPUS'] || '1',
    /** Quiet means foreign CPU under this % of one core over 2 s. @default 15 */
    quietBusyPercent: numberFrom('BENCH_QUIET_BUSY_PERCENT', 15),
    /** Longest wait for a quiet machine before measuring anyway (recorded). @default 120 */
    quietMaxWaitSeconds: numberFrom('BENCH_QUIET_MAX_WAIT_S', 120),
  };
}

export type BenchSettings = ReturnType<typeof benchSettings>;
