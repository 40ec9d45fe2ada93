// Run as its own Node process by the cross-process tests: publishes on the database (and the bus
// IONFLUX_EVENT_BUS would name, Postgres by default) given in argv and prints the ids it published.
// `node publish-in-child.ts <databaseUrl> <topic> <count> [eventBusUrl]`
import { connectDatabase } from '@ionflux/kit/db';
import { createEventBus } from '@ionflux/kit/events';
import { createLogger } from '@ionflux/kit/logging';

const [databaseUrl, topic, count, eventBusUrl] = process.argv.slice(2);
if (!databaseUrl || !topic || !count)
  throw new Error('usage: publish-in-child.ts <databaseUrl> <topic> <count> [eventBusUrl]');
const database = connectDatabase(databaseUrl, { maxConnections: 2 });
const bus = await createEventBus({
  url: eventBusUrl,
  sql: database.sql,
  logger: createLogger({ service: 'publisher', level: 'silent' }),
});
const ids: number[] = [];
for (let i = 0; i < Number(count); i++) {
  const event = await bus.publish(topic, { pid: process.pid, index: i });
  ids.push(event.id);
}
await bus.close();
await database.close();
process.stdout.write(`${JSON.stringify(ids)}\n`);
