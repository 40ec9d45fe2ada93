import type { Server } from 'node:http';
import type { JobQueue } from '@ionflux/kit/jobs';
import type { Logger } from '@ionflux/kit/logging';
import type { WebhookSource } from '@ionflux/kit/webhooks';
import { createWebhookHandler } from '@ionflux/kit/webhooks';
import express from 'express';
import type postgres from 'postgres';

export interface WebhookTestServer {
  /** The route's URL. */
  url: string;
  /** POSTs a body with headers to the handler; resolves with status, headers and parsed JSON. */
  post(
    body: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; json: unknown }>;
  close(): Promise<void>;
}

/** The kit's webhook handler in a real HTTP server on a free port. */
export async function startWebhookTestServer(deps: {
  sql: postgres.Sql;
  queue: JobQueue;
  logger: Logger;
  source: WebhookSource;
  maxBodyBytes?: number;
}): Promise<WebhookTestServer> {
  const app = express();
  const handle = createWebhookHandler(deps);
  app.all('/webhooks/test', (req, res, next) => {
    handle(req, res).catch(next);
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  const url = `http://127.0.0.1:${port}/webhooks/test`;
  return {
    url,
    async post(body, headers) {
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers,
      });
      return { status: response.status, headers: response.headers, json: await response.json() };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
