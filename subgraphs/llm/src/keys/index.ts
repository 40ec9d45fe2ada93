export type { CentralKeys } from './central-keys.ts';
export { centralKeySecret, createCentralKeys } from './central-keys.ts';
export type { WorkspaceKeySummary } from './list-workspace-keys.ts';
export { listWorkspaceKeys } from './list-workspace-keys.ts';
export {
  deleteWorkspaceKey,
  openSealedKey,
  openWorkspaceKey,
  saveWorkspaceKey,
} from './workspace-key-store.ts';
