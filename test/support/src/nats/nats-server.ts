import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface NatsServerOptions {
  /** Clients must give these (`nats://user:pass@…`). @default none */
  user?: string;
  pass?: string;
  /** Largest message the server accepts. @default the server's, 1 MiB */
  maxPayload?: number;
}

export interface RunningNatsServer {
  /** `nats://127.0.0.1:<port>`, without credentials. */
  url: string;
  port: number;
  /** The child process's pid while it runs. */
  pid: number | undefined;
  /** JetStream's store: kept across `stop()`/`start()`, removed by `dispose()`. */
  storeDir: string;
  /** Stops the server: SIGTERM (a clean shutdown), or SIGKILL (a crash). */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts it again on the same port and store. */
  start(): Promise<void>;
  /** Stops it and removes its store. */
  dispose(): Promise<void>;
}

/** Debian installs it in /usr/sbin, which a non-root PATH may lack. */
const BINARY =
  ['/usr/sbin/nats-server', '/usr/bin/nats-server'].find((file) => existsSync(file)) ?? 'nats-server';

/**
 * A real `nats-server` with JetStream (`-js`) on a free loopback port and a temporary store, for tests.
 * The first start lets the server pick the port (`-p -1`) and reads it from its log; restarts reuse it.
 */
export async function startNatsServer(options: NatsServerOptions = {}): Promise<RunningNatsServer> {
  const storeDir = await mkdtemp(path.join(tmpdir(), 'ionflux-nats-'));
  let child: ChildProcess | undefined;
  let port = -1;
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const start = async () => {
    const args = ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir];
    if (options.user !== undefined) args.push('--user', options.user, '--pass', options.pass ?? '');
    if (options.maxPayload !== undefined) {
      // max_payload has no flag; a config file sets it.
      const config = path.join(storeDir, 'server.conf');
      await writeFile(config, `max_payload: ${options.maxPayload}\n`);
      args.push('-c', config);
    }
    const started = spawn(BINARY, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = started;
    port = await new Promise<number>((resolve, reject) => {
      let log = '';
      const timer = setTimeout(
        () => fail(new Error(`nats-server did not start within 10 s:\n${log}`)),
        10_000,
      );
      const fail = (error: Error) => {
        clearTimeout(timer);
        started.kill('SIGKILL');
        reject(error);
      };
      started.once('error', (error: NodeJS.ErrnoException) =>
        fail(
          error.code === 'ENOENT'
            ? new Error(
                'nats-server is not installed: apt-get install nats-server (npm test installs it as root)',
              )
            : error,
        ),
      );
      started.once('exit', (code) => fail(new Error(`nats-server exited with ${code}:\n${log}`)));
      let ready = false;
      // Read to the end, even once ready: a full pipe would block the server's logging.
      started.stderr?.on('data', (chunk: Buffer) => {
        if (ready) return;
        log += chunk.toString();
        const listening = /Listening for client connections on [^\s]+:(\d+)/.exec(log);
        if (listening && log.includes('Server is ready')) {
          ready = true;
          clearTimeout(timer);
          started.removeAllListeners('exit');
          resolve(Number(listening[1]));
        }
      });
    });
  };

  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(signal);
    const timer = setTimeout(() => running.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  await start();
  return {
    get url() {
      return `nats://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get pid() {
      return child?.pid;
    },
    storeDir,
    stop,
    start,
    async dispose() {
      await stop();
      process.removeListener('exit', killOnExit);
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}
