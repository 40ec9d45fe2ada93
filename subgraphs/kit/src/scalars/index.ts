export { DateTimeScalar } from './date-time-scalar.ts';
