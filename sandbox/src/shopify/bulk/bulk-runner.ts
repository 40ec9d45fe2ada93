import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ArgumentNode,
  execute,
  type FieldNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import type { AdminContext } from '../admin/admin-context.ts';
import { toGid } from '../data/gid.ts';
import type { BulkOperationRecord } from '../data/records.ts';
import { bulkFinishPayload } from '../webhooks/shop-payloads.ts';
import type { WebhookDispatcher } from '../webhooks/webhook-dispatcher.ts';
import { checkBulkQuery } from './bulk-query-rules.ts';
import { flattenNode, rootNodes } from './flatten-jsonl.ts';

const BULK_ID_BASE = 4_100_000_000;
const PAGE = 250;
const PAGE_INFO_ALIAS = '__bulkPageInfo';

/** The error codes a failed bulk operation carries. */
export type BulkFailureCode = 'ACCESS_DENIED' | 'INTERNAL_SERVER_ERROR' | 'TIMEOUT';

export type BulkStart = { ok: true; id: number } | { ok: false; message: string; code: string };

const arg = (name: string, value: ArgumentNode['value']): ArgumentNode => ({
  kind: Kind.ARGUMENT,
  name: { kind: Kind.NAME, value: name },
  value,
});

/** The root connection field for one page: `first: 250, after: cursor`, plus the pageInfo we need. */
function pageOf(
  operation: OperationDefinitionNode,
  root: FieldNode,
  after: string | null,
): OperationDefinitionNode {
  const args = (root.arguments ?? []).filter(
    (a) => !['first', 'last', 'after', 'before'].includes(a.name.value),
  );
  args.push(arg('first', { kind: Kind.INT, value: String(PAGE) }));
  if (after) args.push(arg('after', { kind: Kind.STRING, value: after }));
  const pageInfo: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: PAGE_INFO_ALIAS },
    name: { kind: Kind.NAME, value: 'pageInfo' },
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: ['hasNextPage', 'endCursor'].map((name) => ({
        kind: Kind.FIELD,
        name: { kind: Kind.NAME, value: name },
      })),
    },
  };
  const field: FieldNode = {
    ...root,
    arguments: args,
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [...(root.selectionSet?.selections ?? []), pageInfo],
    },
  };
  return { ...operation, selectionSet: { kind: Kind.SELECTION_SET, selections: [field] } };
}

/** Runs `bulkOperationRunQuery` jobs in the background and writes their JSONL results. */
export class BulkRunner {
  readonly #schema: GraphQLSchema;
  readonly #webhooks: WebhookDispatcher;
  readonly #dir = mkdtempSync(join(tmpdir(), 'shopify-sim-bulk-'));
  readonly #cancelled = new Set<number>();
  #failures: BulkFailureCode[] = [];

  constructor(schema: GraphQLSchema, webhooks: WebhookDispatcher) {
    this.#schema = schema;
    this.#webhooks = webhooks;
  }

  /** The next `count` operations fail with `errorCode` once they run (the control API's bulk fault). */
  failNext(count: number, errorCode: BulkFailureCode): void {
    this.#failures = Array.from({ length: Math.max(0, Math.floor(count)) }, () => errorCode);
  }

  filePath(name: string): string | undefined {
    return /^[\w-]+\.jsonl$/.test(name) ? join(this.#dir, name) : undefined;
  }

  start(context: AdminContext, query: string): BulkStart {
    const shop = context.shop;
    const running = shop.bulkOperations.find((b) => b.status === 'CREATED' || b.status === 'RUNNING');
    if (running) {
      return {
        ok: false,
        code: 'OPERATION_IN_PROGRESS',
        message: `A bulk query operation for this app and shop is already in progress: ${toGid('BulkOperation', running.id)}.`,
      };
    }
    const checked = checkBulkQuery(this.#schema, query);
    if (!checked.ok) return { ok: false, code: 'INVALID', message: checked.message };
    const record: BulkOperationRecord = {
      id: shop.nextId(BULK_ID_BASE),
      status: 'CREATED',
      errorCode: null,
      query,
      createdAt: context.now(),
      completedAt: null,
      objectCount: 0,
      rootObjectCount: 0,
      fileSize: null,
      fileName: null,
    };
    shop.bulkOperations.push(record);
    setImmediate(() => void this.#run({ ...context, bulk: true }, record, checked.operation, checked.root));
    return { ok: true, id: record.id };
  }

  cancel(context: AdminContext, id: number): boolean {
    const record = context.shop.bulkOperations.find((b) => b.id === id);
    if (!record || (record.status !== 'CREATED' && record.status !== 'RUNNING')) return false;
    record.status = 'CANCELING';
    this.#cancelled.add(id);
    return true;
  }

  async #run(
    context: AdminContext,
    record: BulkOperationRecord,
    operation: OperationDefinitionNode,
    root: FieldNode,
  ): Promise<void> {
    record.status = 'RUNNING';
    const failure = this.#failures.shift();
    if (failure) {
      record.status = 'FAILED';
      record.errorCode = failure;
      record.completedAt = context.now();
      this.#webhooks.emit(context.shop, 'BULK_OPERATIONS_FINISH', bulkFinishPayload(record));
      return;
    }
    const fileName = `${record.id}-${Date.now().toString(36)}.jsonl`;
    const stream = createWriteStream(join(this.#dir, fileName));
    let after: string | null = null;
    let size = 0;
    try {
      do {
        if (this.#cancelled.has(record.id)) break;
        const document = { kind: Kind.DOCUMENT, definitions: [pageOf(operation, root, after)] } as const;
        const result = await execute({ schema: this.#schema, document, contextValue: context });
        if (result.errors?.length) throw new Error(result.errors[0]?.message);
        const connection = result.data?.[root.alias?.value ?? root.name.value] as
          | Record<string, unknown>
          | undefined;
        const lines: string[] = [];
        for (const node of rootNodes(connection)) {
          record.rootObjectCount++;
          flattenNode(node, undefined, lines);
        }
        record.objectCount += lines.length;
        const chunk = lines.map((line) => `${line}\n`).join('');
        size += Buffer.byteLength(chunk);
        if (chunk && !stream.write(chunk))
          await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
        const pageInfo = connection?.[PAGE_INFO_ALIAS] as
          | { hasNextPage: boolean; endCursor: string | null }
          | undefined;
        after = pageInfo?.hasNextPage ? pageInfo.endCursor : null;
        await new Promise((resolve) => setImmediate(resolve));
      } while (after);
      await new Promise<void>((resolve) => stream.end(() => resolve()));
      record.completedAt = context.now();
      if (this.#cancelled.has(record.id)) record.status = 'CANCELED';
      else {
        record.status = 'COMPLETED';
        record.fileSize = size;
        record.fileName = record.objectCount > 0 ? fileName : null;
      }
    } catch {
      stream.destroy();
      record.status = 'FAILED';
      record.errorCode = 'INTERNAL_SERVER_ERROR';
      record.completedAt = context.now();
    }
    this.#webhooks.emit(context.shop, 'BULK_OPERATIONS_FINISH', bulkFinishPayload(record));
  }

  close(): void {
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
