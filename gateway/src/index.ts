export type { IssueTokenOptions } from './auth/issue-token.ts';
export { issueToken } from './auth/issue-token.ts';
export type { Caller, JwtVerification, JwtVerifierOptions } from './auth/jwt-verifier.ts';
export { createJwtVerifier } from './auth/jwt-verifier.ts';
export type { GatewayConfig } from './config.ts';
export { parseGatewayConfig } from './config.ts';
export type { OperationLimits } from './limits/create-armor.ts';
export type { RunningGateway, StartGatewayOptions } from './start-gateway.ts';
export { startGateway } from './start-gateway.ts';
