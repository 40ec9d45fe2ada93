import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

/** What the test hands the flooding thread. */
export interface FloodOrders {
  graphqlUrl: string;
  token: string;
  query: string;
  /** Requests kept in flight at once, each on a connection of its own. */
  concurrency: number;
}

/** What the flood saw, posted back once it is told to stop. */
export interface FloodReport {
  sent: number;
  byStatus: Record<string, number>;
  /** The first 429 seen: its Retry-After header and body. */
  firstRefusal: { retryAfter: string | null; body: string } | undefined;
  socketErrors: number;
}

/**
 * A workspace flooding the gateway from a thread of its own (so the client's work does not sit on the
 * gateway's event loop): `concurrency` requests in flight at once, each sent again as soon as it is
 * answered, until the parent posts 'stop'. Posts 'flooding' once the first answers are back.
 */
function flood(orders: FloodOrders, port: NonNullable<typeof parentPort>): void {
  const agent = new Agent({ keepAlive: true, maxSockets: orders.concurrency });
  const body = JSON.stringify({ query: orders.query });
  const report: FloodReport = { sent: 0, byStatus: {}, firstRefusal: undefined, socketErrors: 0 };
  let stopping = false;
  let inFlight = 0;
  let announced = false;
  let reported = false;

  const finishIfDone = () => {
    if (stopping && inFlight === 0 && !reported) {
      reported = true;
      agent.destroy();
      port.postMessage({ kind: 'report', report });
    }
  };
  const sendOne = () => {
    if (stopping) return finishIfDone();
    inFlight += 1;
    report.sent += 1;
    const req = request(
      orders.graphqlUrl,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${orders.token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const status = String(res.statusCode);
          report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
          if (res.statusCode === 429 && report.firstRefusal === undefined) {
            const retryAfter = res.headers['retry-after'];
            report.firstRefusal = {
              retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
              body: Buffer.concat(chunks).toString('utf8'),
            };
          }
          if (!announced) {
            announced = true;
            port.postMessage({ kind: 'flooding' });
          }
          inFlight -= 1;
          sendOne();
        });
      },
    );
    req.on('error', () => {
      report.socketErrors += 1;
      inFlight -= 1;
      setTimeout(sendOne, 10);
    });
    req.end(body);
  };

  port.on('message', (message: unknown) => {
    if (message === 'stop') {
      stopping = true;
      finishIfDone();
    }
  });
  for (let i = 0; i < orders.concurrency; i++) sendOne();
}

if (parentPort) flood(workerData as FloodOrders, parentPort);
