export type { CallServices } from './call-services.ts';
export { cancellable } from './cancellable.ts';
export { completionTextOf } from './completion-text.ts';
export { runCompletion } from './run-completion.ts';
export { runCompletionStream, type StreamedChunk } from './run-completion-stream.ts';
export { runEmbedding } from './run-embedding.ts';
