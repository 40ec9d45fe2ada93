import { SignJWT } from 'jose';

export interface IssueTokenOptions {
  secret: string;
  userId: string;
  workspaceId: string;
  /** e.g. '12h', '30d'. @default '12h' */
  expiresIn?: string;
}

/** Signs an HS256 caller token the gateway accepts: what `npm run token` and `npm start` print. */
export function issueToken({
  secret,
  userId,
  workspaceId,
  expiresIn = '12h',
}: IssueTokenOptions): Promise<string> {
  return new SignJWT({ workspace_id: workspaceId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
