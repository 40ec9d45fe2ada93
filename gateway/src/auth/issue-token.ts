import { SignJWT } from 'jose';

export interface IssueTokenOptions {
  secret: string;
  userId: string;
  workspaceId: string;
  /** e.g. '12h', '1d'; at most the gateway's `IONFLUX_JWT_MAX_LIFETIME` (24h by default). @default '12h' */
  expiresIn?: string;
  /** The `aud` claim, needed when the gateway sets `IONFLUX_JWT_AUDIENCE`. @default none */
  audience?: string | undefined;
  /** The `iss` claim, needed when the gateway sets `IONFLUX_JWT_ISSUER`. @default none */
  issuer?: string | undefined;
}

/** Signs an HS256 caller token the gateway accepts: what `npm run token` and `npm start` print. */
export function issueToken({
  secret,
  userId,
  workspaceId,
  expiresIn = '12h',
  audience,
  issuer,
}: IssueTokenOptions): Promise<string> {
  const jwt = new SignJWT({ workspace_id: workspaceId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (audience) jwt.setAudience(audience);
  if (issuer) jwt.setIssuer(issuer);
  return jwt.sign(new TextEncoder().encode(secret));
}
