import type { PlanNode, SubscriptionNode } from '@apollo/query-planner';

/** Whether `node` or any node under it is of a kind `test` accepts. */
export function planHasNode(node: PlanNode | SubscriptionNode, test: (kind: string) => boolean): boolean {
  if (test(node.kind)) return true;
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return node.nodes.some((child) => planHasNode(child, test));
    case 'Flatten':
      return planHasNode(node.node, test);
    case 'Condition':
      return (
        (node.ifClause !== undefined && planHasNode(node.ifClause, test)) ||
        (node.elseClause !== undefined && planHasNode(node.elseClause, test))
      );
    case 'Defer':
      return (
        (node.primary.node !== undefined && planHasNode(node.primary.node, test)) ||
        node.deferred.some((deferred) => deferred.node !== undefined && planHasNode(deferred.node, test))
      );
    case 'Subscription':
      return planHasNode(node.primary, test) || (node.rest !== undefined && planHasNode(node.rest, test));
    case 'Fetch':
      return false;
    default: {
      const unreachable: never = node;
      return unreachable;
    }
  }
}
