// A gateway process for the reliability suite, measured from outside: started with the env it is
// given (the supergraph read from SUPERGRAPH_FILE), it reports its URL once listening and answers
// `measure` with its memory after two full collections (run it with --expose-gc).
import { readFileSync } from 'node:fs';
import { parseGatewayConfig, startGateway } from '@ionflux/gateway';

const gateway = await startGateway(parseGatewayConfig(process.env), {
  supergraphSdl: readFileSync(process.env['SUPERGRAPH_FILE'] ?? '', 'utf8'),
});
process.on('disconnect', () => process.exit(0));
process.on('message', async (request: { kind: string; id: number }) => {
  if (request.kind === 'measure') {
    globalThis.gc?.();
    globalThis.gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    process.send?.({ kind: 'measured', id: request.id, heapUsed, rss });
  } else {
    await gateway.close();
    process.send?.({ kind: 'stopped', id: request.id });
    process.exit(0);
  }
});
process.send?.({ kind: 'ready', url: gateway.graphqlUrl });
