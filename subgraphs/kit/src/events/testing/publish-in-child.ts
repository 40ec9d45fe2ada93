// Run as its own Node process by the cross-process test: publishes on the database named in argv and
// prints the ids it published. `node publish-in-child.ts <databaseUrl> <topic> <count>`
import { connectDatabase } from '../../db/index.ts';
import { createLogger } from '../../logging/index.ts';
import { createPostgresEventBus } from '../create-postgres-event-bus.ts';

const [databaseUrl, topic, count] = process.argv.slice(2);
if (!databaseUrl || !topic || !count)
  throw new Error('usage: publish-in-child.ts <databaseUrl> <topic> <count>');
const database = connectDatabase(databaseUrl, { maxConnections: 2 });
const bus = await createPostgresEventBus({
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
