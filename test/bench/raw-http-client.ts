import { connect, type Socket } from 'node:net';

// The load generator of the ingest benchmark: a sender as lean as a provider's own (its CPU is not the
// system's), so the two cores go to what is measured. Each request is serialised before the clock
// starts; a connection sends one at a time (keep-alive) and reads only the answer's status line and
// length. undici's request API cost about 100 µs of this machine's CPU a delivery, as much as half the
// gateway's.

/** `method path HTTP/1.1`, a Host for `url`, the headers and a content-length, then the body: one buffer. */
export function serialiseRequest(url: URL, headers: Record<string, string>, body: Buffer): Buffer {
  const lines = [`POST ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  lines.push(`content-length: ${body.length}`, '', '');
  return Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), body]);
}

/** A keep-alive connection to one origin carrying one request at a time. */
export class RawHttpConnection {
  #socket: Socket;
  #received: Buffer = Buffer.alloc(0);
  #waiting: { resolve(status: number): void; reject(error: Error): void } | undefined;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.#received = this.#received.length === 0 ? chunk : Buffer.concat([this.#received, chunk]);
      this.#answer();
    });
    const fail = (error: Error) => {
      const waiting = this.#waiting;
      this.#waiting = undefined;
      waiting?.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('the server closed the connection')));
  }

  static open(url: URL): Promise<RawHttpConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.off('error', reject);
        resolve(new RawHttpConnection(socket));
      });
      socket.once('error', reject);
    });
  }

  /** Sends a serialised request; resolves with the answer's status once the whole answer is read. */
  send(request: Buffer): Promise<number> {
    if (this.#waiting) throw new Error('one request at a time');
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
      this.#socket.write(request);
    });
  }

  close(): void {
    this.#socket.destroy();
  }

  #answer(): void {
    const headEnd = this.#received.indexOf('\r\n\r\n');
    if (headEnd < 0 || !this.#waiting) return;
    const head = this.#received.toString('latin1', 0, headEnd);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) {
      // The services under test always send a length; a chunked answer would be a change to look at.
      this.#socket.destroy(new Error(`an answer without content-length: ${head.slice(0, 200)}`));
      return;
    }
    const end = headEnd + 4 + Number(length[1]);
    if (this.#received.length < end) return;
    const status = Number(head.slice(9, 12));
    this.#received = this.#received.subarray(end);
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting.resolve(status);
  }
}

/** Up to `size` connections to one origin; a request waits for a free one. */
export class RawHttpPool {
  #url: URL;
  #size: number;
  #opened = 0;
  #idle: RawHttpConnection[] = [];
  #all: RawHttpConnection[] = [];
  #queue: ((connection: RawHttpConnection) => void)[] = [];

  constructor(url: URL, size: number) {
    this.#url = url;
    this.#size = size;
  }

  async send(request: Buffer): Promise<number> {
    const connection = await this.#take();
    try {
      return await connection.send(request);
    } finally {
      const next = this.#queue.shift();
      if (next) next(connection);
      else this.#idle.push(connection);
    }
  }

  close(): void {
    for (const connection of this.#all) connection.close();
  }

  async #take(): Promise<RawHttpConnection> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#opened < this.#size) {
      this.#opened++;
      const connection = await RawHttpConnection.open(this.#url);
      this.#all.push(connection);
      return connection;
    }
    return new Promise((resolve) => this.#queue.push(resolve));
  }
}
