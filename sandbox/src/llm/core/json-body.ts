import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { ProviderProtocol } from './provider-protocol.ts';

/** Parses JSON bodies of any content type (clients differ in what they send) up to 32 MB. */
export function jsonBody(): RequestHandler {
  return express.json({ limit: '32mb', type: () => true });
}

/** Answers a body that is not JSON the way the provider does, with a 400. */
export function jsonBodyErrors(protocol: ProviderProtocol): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: unknown }).status;
    if (status === 413) return protocol.statusError(res, 413, 0);
    protocol.invalidRequest(res, 'We could not parse the JSON body of your request.');
  };
}
