import { createInMemoryEventBus } from './create-in-memory-event-bus.ts';
import { describeEventBusContract } from './testing/event-bus-contract.ts';

describeEventBusContract('createInMemoryEventBus', async () => createInMemoryEventBus());
