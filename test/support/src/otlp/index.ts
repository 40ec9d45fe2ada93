export type { OtlpReceiver, ReceivedSpan } from './otlp-receiver.ts';
export { startOtlpReceiver } from './otlp-receiver.ts';
