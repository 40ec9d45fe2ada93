import { formatTime, h } from './dom.ts';

/** What `integrationConnections` says of the calls made through one connection (spec 4.E). */
export type CallActivity = {
  id: string;
  lastSuccessfulCallAt: string | null;
  recentCallCount: number;
  recentErrorRate: number | null;
  recentErrorCodes: string[];
};

/** The selection the connections page adds to its query: every integration's connections, one list. */
export const CALL_ACTIVITY_SELECTION =
  'integrationConnections { id lastSuccessfulCallAt recentCallCount recentErrorRate recentErrorCodes }';

/**
 * The "Calls" cell of a connection: when a call through it last succeeded, and within the health window
 * how many were made, the share that failed and their error codes (most frequent first).
 */
export function callsCell(connectionId: string, activity: CallActivity | undefined): HTMLElement {
  const codes = activity?.recentErrorCodes ?? [];
  const count = activity?.recentCallCount ?? 0;
  const failedShare =
    activity?.recentErrorRate === null || activity?.recentErrorRate === undefined
      ? ''
      : `, ${Math.round(activity.recentErrorRate * 100)} % failed`;
  return h(
    'span',
    {},
    'last ok: ',
    h('span', { 'data-last-call': connectionId }, formatTime(activity?.lastSuccessfulCallAt)),
    h('br'),
    h('small', {}, `${count} recent call${count === 1 ? '' : 's'}${failedShare}`),
    codes.length > 0 ? h('br') : null,
    codes.length > 0 ? h('small', { 'data-error-codes': connectionId }, codes.join(', ')) : null,
  );
}
