import type { Request, Response } from 'express';
import type { ProviderProtocol } from '../core/provider-protocol.ts';

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  413: 'INVALID_ARGUMENT',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};
const MESSAGES: Record<number, string> = {
  429: 'Resource has been exhausted (e.g. check quota).',
  500: 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  503: 'The model is overloaded. Please try again later.',
  504: 'The request timed out. Please try again.',
};

/** The Google RPC error body. */
export function googleError(res: Response, code: number, message: string, details?: unknown[]): void {
  const status = STATUS_NAMES[code] ?? (code >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION');
  res.status(code).json({ error: { code, message, status, ...(details ? { details } : {}) } });
}

function retryInfo(seconds: number) {
  return { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${seconds}s` };
}

/** The model named in a `…/models/{model}:{method}` path. */
export function pathModel(path: string): { model: string; method: string | undefined } {
  const last = decodeURIComponent(path.split('/models/')[1] ?? '');
  const [model = '', method] = last.split(':');
  return { model, method };
}

/** Gemini (Generative Language API): key in `x-goog-api-key` or `?key=`; Google RPC error bodies. */
export function geminiProtocol(): ProviderProtocol {
  return {
    apiKey(req: Request) {
      const header = req.get('x-goog-api-key');
      if (header) return header;
      const key = req.query['key'];
      return typeof key === 'string' && key !== '' ? key : undefined;
    },
    model(req: Request) {
      return pathModel(req.path).model || null;
    },
    authenticationError(res, key) {
      if (key === undefined) {
        googleError(
          res,
          403,
          "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
        );
        return;
      }
      googleError(res, 400, 'API key not valid. Please pass a valid API key.', [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'API_KEY_INVALID',
          domain: 'googleapis.com',
          metadata: { service: 'generativelanguage.googleapis.com' },
        },
      ]);
    },
    quotaError(res) {
      res.set('retry-after', '30');
      googleError(
        res,
        429,
        'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
        [
          {
            '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
            violations: [
              {
                quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
                quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier',
              },
            ],
          },
          retryInfo(30),
        ],
      );
    },
    statusError(res, status, retryAfterSeconds) {
      const retryable = status === 429 || status === 503;
      if (retryable) res.set('retry-after', String(retryAfterSeconds));
      googleError(
        res,
        status,
        MESSAGES[status] ?? `Error ${status}`,
        status === 429 ? [retryInfo(retryAfterSeconds)] : undefined,
      );
    },
    invalidRequest(res, message) {
      googleError(res, 400, message);
    },
    modelNotFound(res, model) {
      googleError(
        res,
        404,
        `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
      );
    },
    successHeaders(res) {
      res.set('server-timing', 'gfet4t7; dur=1');
    },
  };
}
