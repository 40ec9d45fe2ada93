import { randomBytes } from 'node:crypto';
import type { Response } from 'express';

/** The error codes of TikTok's v2 API that the simulator answers with. */
export type TikTokErrorCode =
  | 'access_token_invalid'
  | 'scope_not_authorized'
  | 'scope_permission_missed'
  | 'rate_limit_exceeded'
  | 'invalid_params'
  | 'invalid_file_upload'
  | 'internal_error'
  | 'spam_risk_too_many_posts'
  | 'unaudited_client_can_only_post_to_private_accounts'
  | 'url_ownership_unverified'
  | 'privacy_level_option_mismatch';

const STATUS: Record<TikTokErrorCode, number> = {
  access_token_invalid: 401,
  scope_not_authorized: 401,
  scope_permission_missed: 403,
  rate_limit_exceeded: 429,
  invalid_params: 400,
  invalid_file_upload: 400,
  internal_error: 500,
  spam_risk_too_many_posts: 403,
  unaudited_client_can_only_post_to_private_accounts: 403,
  url_ownership_unverified: 403,
  privacy_level_option_mismatch: 400,
};

/** A log id as TikTok writes them: UTC `yyyyMMddHHmmss` then 20 upper-case hex digits. */
export function logId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${stamp}${randomBytes(10).toString('hex').toUpperCase()}`;
}

/** `{data, error:{code:"ok", message:"", log_id}}` with 200. */
export function sendData(res: Response, now: Date, data: unknown): void {
  res.status(200).json({ data, error: { code: 'ok', message: '', log_id: logId(now) } });
}

/** `{data:{}, error:{code, message, log_id}}` with the code's HTTP status (or the one given). */
export function sendError(
  res: Response,
  now: Date,
  code: TikTokErrorCode,
  message: string,
  status?: number,
): void {
  res.status(status ?? STATUS[code]).json({ data: {}, error: { code, message, log_id: logId(now) } });
}
