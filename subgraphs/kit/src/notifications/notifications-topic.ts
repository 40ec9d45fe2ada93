/**
 * The EventBus topic a workspace's new notifications are published on. Subscription resolvers
 * subscribe to the caller's own workspace topic only, which is what keeps workspaces apart.
 */
export function notificationsTopic(workspaceId: string): string {
  return `workspace:${workspaceId}:notifications`;
}
