import { z } from 'zod';
import { parseEventBusUrl } from '../events/event-bus-url.ts';
import { commonEnv, optionalString } from './common-env.ts';
import { identityKeyEnv, requireIdentityKey } from './identity-key-env.ts';

/**
 * The env every subgraph reads, whatever it integrates. A subgraph parses its schema through
 * `requireIdentityKey(schema)`, so one of the identity keys is required.
 */
export const subgraphEnv = {
  ...commonEnv,
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is required (npm start provides one; a lone subgraph needs it set)' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL'),
  ...identityKeyEnv,
  /** Unset or `postgres`: events fan out through Postgres LISTEN/NOTIFY; `nats://…`: through NATS JetStream. */
  IONFLUX_EVENT_BUS: optionalString().superRefine((value, ctx) => {
    const parsed = parseEventBusUrl(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
  }),
};

export const subgraphEnvSchema = requireIdentityKey(z.object(subgraphEnv));
export type SubgraphEnv = z.output<typeof subgraphEnvSchema>;
