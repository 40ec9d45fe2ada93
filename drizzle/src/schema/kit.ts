// The kit's table set: one file per capability under kit/.
export * from './kit/connections.ts';
export * from './kit/credentials.ts';
export * from './kit/events.ts';
export * from './kit/kit-schema.ts';
export * from './kit/notifications.ts';
export * from './kit/oauth-states.ts';
export * from './kit/webhook-deliveries.ts';
