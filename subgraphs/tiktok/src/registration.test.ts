import { type ConnectionChange, connectionStatusNotice } from '@ionflux/kit/notifications';
import { describe, expect, it } from 'vitest';
import { tiktokProvider } from './registration.ts';

// The kit's notices speak of a provider in the words its registration gives: TikTok's are an account,
// named by its display name (its open_id is never shown).
describe('the kit’s connection notices with TikTok’s registration', () => {
  it.each<[ConnectionChange, string, string]>([
    ['CONNECTED', 'CONNECTION_CONNECTED', 'INFO'],
    ['NEEDS_REAUTH', 'CONNECTION_NEEDS_REAUTH', 'ERROR'],
    ['DISCONNECTED', 'CONNECTION_DISCONNECTED', 'INFO'],
    ['UNINSTALLED', 'CONNECTION_UNINSTALLED', 'WARNING'],
    ['DEGRADED', 'CONNECTION_DEGRADED', 'WARNING'],
    ['RECOVERED', 'CONNECTION_RECOVERED', 'INFO'],
  ])('%s is %s at %s and names the TikTok account in title and message', (status, kind, severity) => {
    const notice = connectionStatusNotice(tiktokProvider, '@stylist', status);
    expect(notice).toMatchObject({ kind, severity });
    expect(notice.title).toContain('@stylist');
    expect(notice.message).toContain('@stylist');
    expect(notice.message).not.toMatch(/undefined|\.\./);
  });
});
