import type { Request, Response } from 'express';
import { ErrorCode } from '../errors/index.ts';

/**
 * A service's last handler: a path it has no route for answers 404 with `NOT_FOUND` in the JSON error
 * shape its other routes use, where Express would send an HTML page naming no code. The path is not
 * echoed back.
 */
export function answerNotFound(_req: Request, res: Response): void {
  res.status(404).json({ error: { code: ErrorCode.NOT_FOUND, message: 'This service has no such route.' } });
}
