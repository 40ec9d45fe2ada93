export type { NatsServerOptions, RunningNatsServer } from './nats-server.ts';
export { startNatsServer } from './nats-server.ts';
