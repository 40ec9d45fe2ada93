export type { JobQueueConfig } from './create-job-queue.ts';
export { createJobQueue } from './create-job-queue.ts';
export type { EnqueueOptions, JobQueue, Queryable } from './job-queue.ts';
export { jobTaskId } from './job-task-id.ts';
export { JOB_TRACE_FIELD, jobTraceContext, withJobTraceContext } from './job-trace-context.ts';
export type { KitMaintenanceSettings } from './kit-maintenance.ts';
export {
  KIT_MAINTENANCE_TASKS,
  kitMaintenanceCron,
  kitMaintenanceEnv,
  kitMaintenanceTasks,
} from './kit-maintenance.ts';
export type { RecoveredJobs } from './recover-dead-worker-jobs.ts';
export { recoverDeadWorkerJobs } from './recover-dead-worker-jobs.ts';
export { registerQueueMetrics } from './register-queue-metrics.ts';
export type { JobWorker, JobWorkerConfig } from './start-job-worker.ts';
export { startJobWorker } from './start-job-worker.ts';
export type { CronDefinition, TaskDefinition, TaskHelpers } from './task-definition.ts';
export { DEFAULT_MAX_ATTEMPTS } from './task-definition.ts';
