import { createHash } from 'node:crypto';

function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A user's id as one app sees it: stable per (app, user), different across apps. */
export function openIdFor(clientKey: string, userId: string): string {
  return uuidFrom(`open:${clientKey}:${userId}`);
}

/** A user's id across the apps of one developer. */
export function unionIdFor(userId: string): string {
  return uuidFrom(`union:${userId}`);
}
