import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the test server saw, for assertions. */
export interface VaultRequest {
  method: string;
  path: string;
  token: string | undefined;
  namespace: string | undefined;
}

export interface VaultKvTestServer {
  address: string;
  requests: VaultRequest[];
  /** Writes a new version of an entry, like `vault kv put`. */
  put(mount: string, path: string, data: Record<string, unknown>): void;
  /** Soft-deletes the latest version, like `vault kv delete`. */
  deleteLatest(mount: string, path: string): void;
  seal(): void;
  close(): Promise<void>;
}

interface Version {
  data: Record<string, unknown> | null;
  createdTime: string;
  deletionTime: string;
}

/**
 * A small HTTP server speaking the read side of Vault's KV version 2 API, for tests: `GET
 * /v1/{mount}/data/{path}` with `X-Vault-Token`, answering with Vault's JSON shapes, and its errors as
 * `{"errors": [...]}` (403 for a missing or unknown token or a path the token's policy does not cover,
 * 404 `{"errors":[]}` for a missing entry, 503 when sealed).
 */
export async function startVaultKvTestServer(options: {
  /** token → the `mount/path` entries it may read */
  tokens: Record<string, readonly string[]>;
  /** mounts that are KV v2 engines @default ['secret'] */
  mounts?: readonly string[];
}): Promise<VaultKvTestServer> {
  const mounts = new Set(options.mounts ?? ['secret']);
  const entries = new Map<string, Version[]>();
  const requests: VaultRequest[] = [];
  let sealed = false;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://vault');
    const token = header(req, 'x-vault-token');
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      token,
      namespace: header(req, 'x-vault-namespace'),
    });
    if (sealed) return send(res, 503, { errors: ['Vault is sealed'] });
    const match = /^\/v1\/([^/]+)\/data\/(.+)$/.exec(url.pathname);
    if (req.method !== 'GET' || !match?.[1] || !match[2]) {
      return send(res, 405, { errors: ['1 error occurred:\n\t* unsupported operation\n\n'] });
    }
    const mount = decodeURIComponent(match[1]);
    const path = match[2].split('/').map(decodeURIComponent).join('/');
    const allowed = token === undefined ? undefined : options.tokens[token];
    // Vault answers an unknown token and a policy that does not cover the path alike.
    if (!allowed?.includes(`${mount}/${path}`)) {
      return send(res, 403, { errors: ['1 error occurred:\n\t* permission denied\n\n'] });
    }
    if (!mounts.has(mount)) {
      return send(res, 404, {
        errors: [`no handler for route "${mount}/data/${path}". route entry not found.`],
      });
    }
    const versions = entries.get(`${mount}/${path}`);
    const latest = versions?.at(-1);
    if (!versions || !latest) return send(res, 404, { errors: [] });
    const body = {
      request_id: crypto.randomUUID(),
      lease_id: '',
      renewable: false,
      lease_duration: 0,
      data: {
        data: latest.data,
        metadata: {
          created_time: latest.createdTime,
          custom_metadata: null,
          deletion_time: latest.deletionTime,
          destroyed: false,
          version: versions.length,
        },
      },
      wrap_info: null,
      warnings: null,
      auth: null,
      mount_type: 'kv',
    };
    return send(res, latest.data === null ? 404 : 200, body);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `http://127.0.0.1:${port}`,
    requests,
    put(mount, path, data) {
      const versions = entries.get(`${mount}/${path}`) ?? [];
      versions.push({ data, createdTime: new Date().toISOString(), deletionTime: '' });
      entries.set(`${mount}/${path}`, versions);
    },
    deleteLatest(mount, path) {
      const latest = entries.get(`${mount}/${path}`)?.at(-1);
      if (latest) {
        latest.data = null;
        latest.deletionTime = new Date().toISOString();
      }
    },
    seal() {
      sealed = true;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
