export { captureLogger } from './capture-logger.ts';
