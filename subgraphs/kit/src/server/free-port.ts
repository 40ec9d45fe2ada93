import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Ports tried below the ephemeral range. */
const SPAN = 16_384;

/**
 * A port nobody listens on right now, for a server that must know its port before it binds (a public
 * URL naming it, PostgreSQL starting for seconds). Picked below the kernel's ephemeral range, which
 * `listen(0)` and every outgoing connection draw from: a port from that range can be taken by any
 * connection between this pick and the bind (a gateway port was, in CI: EADDRINUSE).
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const low = ephemeralRangeStart();
  const span = Math.min(SPAN, low - 1024);
  if (span < 1024) return portTheKernelPicks(host);
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = low - 1 - Math.floor(Math.random() * span);
    if (await canListen(port, host)) return port;
  }
  throw new Error('could not obtain a free port');
}

/** The first port of Linux's ephemeral range (`net.ipv4.ip_local_port_range`); its default elsewhere. */
function ephemeralRangeStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    return Number(low) || 32_768;
  } catch {
    return 32_768;
  }
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function portTheKernelPicks(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not obtain a free port'));
      });
    });
  });
}
