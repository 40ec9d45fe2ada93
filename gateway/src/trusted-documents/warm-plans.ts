import type { Logger } from '@ionflux/kit/logging';
import { parse, validate } from 'graphql';
import type { CompiledGateway } from '../execution/compiled-gateway.ts';
import { sha256Hex, type TrustedDocuments } from './trusted-documents.ts';

/**
 * Plans every trusted operation once at start (in each worker), so the first request of each finds its
 * plan and compiled shaper ready. A document the current schema refuses is logged and skipped: its
 * requests will get the same validation errors.
 */
export function warmPlans(compiled: CompiledGateway, trusted: TrustedDocuments, logger: Logger): void {
  const schema = compiled.schema();
  let planned = 0;
  for (const { name, body } of trusted.operations) {
    try {
      const document = parse(body, { noLocation: true });
      const errors = schema ? validate(schema, document) : [];
      if (errors.length > 0) {
        logger.warn(
          { operation: name, errors: errors.map((e) => e.message) },
          'trusted operation not valid against the schema',
        );
        continue;
      }
      planned += compiled.warm(document, sha256Hex(body));
    } catch (error) {
      logger.warn({ operation: name, err: error }, 'trusted operation could not be planned');
    }
  }
  logger.info({ planned, registered: trusted.operations.length }, 'trusted operations planned');
}
