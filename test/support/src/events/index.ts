export type { CollectedEvents } from './collect-events.ts';
export { collectEvents, settle } from './collect-events.ts';
export { describeEventBusContract } from './event-bus-contract.ts';
export type { EventsTestDatabase } from './events-test-database.ts';
export { createEventsTestDatabase } from './events-test-database.ts';
export { publishFromChildProcess } from './publish-from-child-process.ts';
