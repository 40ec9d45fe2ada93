import { describeEventBusContract } from '@ionflux/testing/events';
import { createInMemoryEventBus } from './create-in-memory-event-bus.ts';

describeEventBusContract('createInMemoryEventBus', async () => createInMemoryEventBus());
