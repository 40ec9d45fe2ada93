import type { Request, RequestHandler, Response } from 'express';
import { LISTED_MODELS } from '../core/models.ts';
import type { ProviderProtocol } from '../core/provider-protocol.ts';

/** `GET /v1/models`: Anthropic's paged list shape, all on one page. */
export function listAnthropicModels(protocol: ProviderProtocol): RequestHandler {
  return (_req: Request, res: Response) => {
    const data = LISTED_MODELS.anthropic.map((id) => ({
      type: 'model',
      id,
      display_name: id.replace(/^claude-/, 'Claude ').replace(/-/g, ' '),
      created_at: '2026-01-01T00:00:00Z',
    }));
    protocol.successHeaders(res);
    res.json({ data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
  };
}
