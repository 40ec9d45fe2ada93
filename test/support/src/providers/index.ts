export { exampleProvider, exampleStoreProvider } from './example-providers.ts';
