// Stock Apollo Gateway in Apollo Server, exactly as the public federation benchmark runs it
// (gateways/apollo-gateway/index.ts there): `new ApolloGateway({ supergraphSdl })`, defaults everywhere,
// `startStandaloneServer`. Env: SUPERGRAPH_FILE, PORT.
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const supergraphSdl = readFileSync(process.env['SUPERGRAPH_FILE'] ?? '', 'utf8');
const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env['PORT']), host: '127.0.0.1' },
});
console.log(`stock Apollo Gateway at ${url}`);
