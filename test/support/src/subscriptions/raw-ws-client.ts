import type { Socket } from 'node:net';
import WebSocket from 'ws';
import { wsUrlOf } from './subscribe-client.ts';

export interface RawMessage {
  type: string;
  id?: string;
  payload?: unknown;
}

/**
 * A graphql-transport-ws client speaking the protocol by hand, so a test can stop reading (a slow
 * consumer) and see every frame the gateway sends.
 */
export interface RawWsClient {
  messages: RawMessage[];
  closed: Promise<{ code: number; reason: string }>;
  send(message: RawMessage): void;
  waitFor(predicate: (message: RawMessage) => boolean, timeoutMs?: number): Promise<RawMessage>;
  /** Stops reading from the TCP socket: the gateway's writes back up. */
  pause(): void;
  resume(): void;
  close(): void;
}

export async function openRawWs(gatewayUrl: string, token: string): Promise<RawWsClient> {
  const socket = new WebSocket(wsUrlOf(gatewayUrl), 'graphql-transport-ws');
  const messages: RawMessage[] = [];
  const listeners = new Set<() => void>();
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as RawMessage);
    for (const listener of listeners) listener();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const client: RawWsClient = {
    messages,
    closed,
    send: (message) => socket.send(JSON.stringify(message)),
    waitFor(predicate, timeoutMs = 10_000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no such message among ${messages.length}`));
        }, timeoutMs);
        const check = () => {
          const match = messages.find(predicate);
          if (!match) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve(match);
        };
        listeners.add(check);
      });
    },
    pause: () => (socket as unknown as { _socket: Socket })._socket.pause(),
    resume: () => (socket as unknown as { _socket: Socket })._socket.resume(),
    close: () => socket.close(1000),
  };
  client.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
  await client.waitFor((m) => m.type === 'connection_ack');
  return client;
}
