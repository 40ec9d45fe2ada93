import type { IntegrationProvider } from '../connections/index.ts';
import type { NotificationKind, NotificationSeverity } from './workspace-notification.ts';

export type ConnectionChange =
  | 'CONNECTED'
  | 'NEEDS_REAUTH'
  | 'DISCONNECTED'
  | 'UNINSTALLED'
  | 'DEGRADED'
  | 'RECOVERED';

export interface ConnectionNotice {
  kind: NotificationKind;
  severity: NotificationSeverity;
  title: string;
  message: string;
}

/**
 * The words a workspace reads when one of its connections changes state: they name the account and
 * say what to do. One place, so every integration speaks the same way (spec 4.E); the provider's
 * registration supplies its name and what its accounts are called.
 */
export function connectionStatusNotice(
  provider: IntegrationProvider,
  accountLabel: string,
  status: ConnectionChange,
  reason?: string,
): ConnectionNotice {
  const noun = `${provider.displayName} ${provider.accountNoun}`;
  const account = `${noun} ${accountLabel}`;
  const because = reason?.trim().replace(/\.+$/, '');
  switch (status) {
    case 'CONNECTED':
      return {
        kind: 'CONNECTION_CONNECTED',
        severity: 'INFO',
        title: `${account} connected`,
        message: `Your ${account} is connected. IONFLUX agents can now use its data.`,
      };
    case 'NEEDS_REAUTH':
      return {
        kind: 'CONNECTION_NEEDS_REAUTH',
        severity: 'ERROR',
        title: `Reconnect your ${account}`,
        message:
          `Reconnect your ${account}: ${because || 'access was revoked or has expired'}. ` +
          'Features that use it stop working until you do.',
      };
    case 'DISCONNECTED':
      return {
        kind: 'CONNECTION_DISCONNECTED',
        severity: 'INFO',
        title: `${account} disconnected`,
        message:
          `IONFLUX no longer has access to your ${account}${because ? ` (${because})` : ''}. ` +
          'Connect it again to use it in IONFLUX.',
      };
    case 'UNINSTALLED':
      return {
        kind: 'CONNECTION_UNINSTALLED',
        severity: 'WARNING',
        title: `IONFLUX was removed from your ${account}`,
        message:
          `IONFLUX was removed from your ${account}${because ? ` (${because})` : ''}, so its data no ` +
          `longer syncs. To use it again, connect the ${noun} again.`,
      };
    case 'DEGRADED':
      return {
        kind: 'CONNECTION_DEGRADED',
        severity: 'WARNING',
        title: `Problems reaching your ${account}`,
        message:
          `Requests to ${provider.displayName} for ${accountLabel} are failing${because ? `: ${because}` : ''}. ` +
          'IONFLUX keeps retrying; its data may be out of date until this clears.',
      };
    case 'RECOVERED':
      return {
        kind: 'CONNECTION_RECOVERED',
        severity: 'INFO',
        title: `${account} is working again`,
        message: `Requests to ${provider.displayName} for ${accountLabel} succeed again; data is up to date.`,
      };
    default: {
      const unknown: never = status;
      throw new Error(`unknown connection status ${String(unknown)}`);
    }
  }
}
