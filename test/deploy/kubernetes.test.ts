import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKeyring } from '@ionflux/kit/crypto';
import { identityPublicKeyFor } from '@ionflux/kit/identity';
import { createFileSecretsProvider } from '@ionflux/kit/secrets';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CLUSTER_PROVIDED,
  type Container,
  checkManifests,
  type PodSpec,
  resolveEnv,
  workloads,
} from './support/check-kubernetes.ts';
import { checkKnownFields, validateAgainstOpenApi } from './support/kubernetes-schema.ts';
import { type K8sObject, kustomizeAvailability, kustomizeBuild } from './support/kustomize.ts';

// No cluster runs here: each overlay under deploy/kubernetes/overlays is built with `kubectl kustomize`
// and every object checked against the Kubernetes 1.36 OpenAPI schemas (kubernetes-models), for unknown
// fields (as `kubectl apply` refuses them), and against the project's rules (support/check-kubernetes.ts).
const root = fileURLToPath(new URL('../..', import.meta.url));
const overlaysDir = path.join(root, 'deploy/kubernetes/overlays');
const overlays = readdirSync(overlaysDir).sort();
const production = (overlay: string) => overlay.startsWith('production');

const kubectl = kustomizeAvailability();
if (!kubectl.ok) console.warn(`test/deploy/kubernetes.test.ts is skipped: ${kubectl.reason}`);

/** The cluster-provided objects each overlay expects to exist before it is applied (deploy/README.md). */
const expectedFromCluster: Record<string, string[]> = {
  production: [
    'ConfigMap/ionflux-identity',
    'Secret/ionflux-database',
    'Secret/ionflux-gateway',
    'Secret/ionflux-llm-secrets',
    'Secret/ionflux-shopify-secrets',
    'Secret/ionflux-tls',
  ],
  'production-vault': [
    'ConfigMap/ionflux-identity',
    'Secret/ionflux-database',
    'Secret/ionflux-gateway',
    'Secret/ionflux-llm-vault',
    'Secret/ionflux-shopify-vault',
    'Secret/ionflux-tls',
  ],
  sandbox: [],
};

describe.skipIf(!kubectl.ok)('Kubernetes manifests (deploy/kubernetes, built with kubectl kustomize)', () => {
  const built = new Map<string, K8sObject[]>();
  const objectsOf = (overlay: string) => structuredClone(built.get(overlay) ?? []);
  beforeAll(() => {
    for (const overlay of overlays) built.set(overlay, kustomizeBuild(path.join(overlaysDir, overlay)));
  });

  it('has a sandbox and a production overlay, each building', () => {
    expect(overlays).toEqual(expect.arrayContaining(['production', 'production-vault', 'sandbox']));
    for (const overlay of overlays) expect(built.get(overlay)?.length, overlay).toBeGreaterThan(20);
  });

  it.each(overlays)(
    '%s: every object is valid against the Kubernetes 1.36 OpenAPI schema',
    async (overlay) => {
      expect(await validateAgainstOpenApi(objectsOf(overlay))).toEqual([]);
    },
  );

  it('no overlay has a field Kubernetes does not know', () => {
    const everything = overlays.flatMap((overlay) => objectsOf(overlay));
    expect(checkKnownFields(root, everything)).toEqual([]);
  }, 60_000);

  it.each(overlays)(
    '%s: follows the project rules (pods, probes, scaling, migration, env, policies)',
    (overlay) => {
      const fromCluster = new Set<string>();
      expect(checkManifests(objectsOf(overlay), { production: production(overlay) }, fromCluster)).toEqual(
        [],
      );
      const volumes = workloads(objectsOf(overlay)).flatMap((w) => w.pod.volumes ?? []);
      const secretsMounted = volumes.flatMap((v) => (v.secret ? [`Secret/${v.secret.secretName}`] : []));
      const tls = objectsOf(overlay)
        .filter((o) => o.kind === 'Ingress')
        .flatMap((o) =>
          ((o['spec'] as { tls?: { secretName: string }[] }).tls ?? []).map((t) => `Secret/${t.secretName}`),
        );
      const rendered = new Set(objectsOf(overlay).map((o) => `${o.kind}/${o.metadata.name}`));
      for (const name of [...secretsMounted, ...tls]) if (!rendered.has(name)) fromCluster.add(name);
      // What the overlay needs the cluster to hold is exactly what its README section lists.
      expect([...fromCluster].sort()).toEqual(expectedFromCluster[overlay]);
      for (const name of fromCluster) expect(Object.keys(CLUSTER_PROVIDED)).toContain(name);
    },
  );

  it('production-vault reads the central secrets from Vault: provider env, a token each, no secret files, egress to 8200', () => {
    const objects = objectsOf('production-vault');
    for (const name of ['ionflux-llm', 'ionflux-shopify', 'ionflux-shopify-worker']) {
      const workload = workloads(objects).find((w) => w.object.metadata.name === name);
      const container = workload?.pod.containers[0] as Container;
      const { env } = resolveEnv(container, objects, new Set());
      expect(env['IONFLUX_SECRETS_PROVIDER'], name).toBe('vault');
      expect(env['VAULT_KV_PATH'], name).toBe(name.includes('llm') ? 'ionflux/llm' : 'ionflux/shopify');
      expect(env['VAULT_TOKEN'], name).toBe('hvs.cluster-provided');
      expect(workload?.pod.volumes?.map((v) => v.name)).toEqual(['tmp']);
    }
    const policy = objects.find(
      (o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'ionflux-vault-egress',
    );
    expect(JSON.stringify(policy?.['spec'])).toContain('"port":8200');
  });

  it('sandbox: self-contained and consistent, the mounted Secrets read by the file: provider', async () => {
    const objects = objectsOf('sandbox');
    const byName = (kind: string, name: string) =>
      objects.find((o) => o.kind === kind && o.metadata.name.replace(/-[a-z0-9]{10}$/, '') === name);
    const decoded = (name: string) =>
      Object.fromEntries(
        Object.entries((byName('Secret', name)?.['data'] ?? {}) as Record<string, string>).map(([k, v]) => [
          k,
          Buffer.from(v, 'base64').toString(),
        ]),
      );
    const gateway = decoded('ionflux-gateway');
    const identity = (byName('ConfigMap', 'ionflux-identity')?.['data'] ?? {}) as Record<string, string>;
    expect(identity['IONFLUX_IDENTITY_PUBLIC_KEY']).toBe(
      identityPublicKeyFor(gateway['IONFLUX_INTERNAL_SECRET'] ?? ''),
    );

    // What the services present is what the simulators accept.
    const simulators = decoded('ionflux-sandbox-credentials');
    const llm = decoded('ionflux-llm-secrets');
    const shopify = decoded('ionflux-shopify-secrets');
    for (const key of ['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'GEMINI_API_KEY'])
      expect(llm[key], key).toBe(simulators[key]);
    for (const key of ['SHOPIFY_API_KEY', 'SHOPIFY_API_SECRET'])
      expect(shopify[key], key).toBe(simulators[key]);
    const postgres = decoded('ionflux-postgres');
    expect(decoded('ionflux-database')['DATABASE_URL']).toBe(
      `postgres://ionflux:${postgres['POSTGRES_PASSWORD']}@ionflux-postgres:5432/ionflux`,
    );

    // The Secrets as the pods mount them, read by the kit's own `file:` provider: the keyring opens.
    for (const secret of [llm, shopify]) {
      const dir = await mkdtemp(path.join(tmpdir(), 'ionflux-mounted-secret-'));
      try {
        for (const [key, value] of Object.entries(secret)) await writeFile(path.join(dir, key), value);
        const keyring = await loadKeyring(createFileSecretsProvider(dir));
        expect(keyring.activeKeyId).toBe('sandbox-only');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  });
});

describe.skipIf(!kubectl.ok)('the Kubernetes rules catch what only a cluster would show', () => {
  let objects: K8sObject[];
  beforeAll(() => {
    objects = kustomizeBuild(path.join(overlaysDir, 'production'));
  });
  const mutated = (change: (objects: K8sObject[]) => void) => {
    const copy = structuredClone(objects);
    change(copy);
    return copy;
  };
  const podOf = (list: K8sObject[], name: string): PodSpec => {
    const deployment = workloads(list).find(
      (w) => w.object.kind === 'Deployment' && w.object.metadata.name === name,
    );
    if (!deployment) throw new Error(`no Deployment ${name}`);
    return deployment.pod;
  };
  const rules = (list: K8sObject[]) => checkManifests(list, { production: true });

  it('a subgraph opened to anything but the gateway', () => {
    const list = mutated((l) => {
      const policy = l.find((o) => o.metadata.name === 'ionflux-subgraphs')?.['spec'] as {
        ingress: { from?: unknown[]; ports?: unknown[] }[];
      };
      policy.ingress.push({ from: [{ namespaceSelector: {} }], ports: [{ protocol: 'TCP', port: 'http' }] });
      policy.ingress.push({ ports: [{ protocol: 'TCP', port: 4001 }] });
    });
    const problems = rules(list).join('\n');
    expect(problems).toContain(
      `NetworkPolicy/ionflux-subgraphs: admits {"namespaceSelector":{}} to ionflux-llm's GraphQL port; only the gateway may`,
    );
    expect(problems).toContain(
      "NetworkPolicy/ionflux-subgraphs: admits anyone to ionflux-llm's GraphQL port",
    );
  });

  it('probes on the public port, root, no limits, a replica count fighting the autoscaler', () => {
    const list = mutated((l) => {
      const pod = podOf(l, 'ionflux-llm');
      const container = pod.containers[0] as Container & { readinessProbe: { httpGet: { port: string } } };
      container.readinessProbe.httpGet.port = 'http';
      pod.securityContext = { ...pod.securityContext, runAsUser: 0 };
      delete container.resources?.limits;
      (
        l.find((o) => o.metadata.name === 'ionflux-tiktok' && o.kind === 'Deployment')?.['spec'] as {
          replicas?: number;
        }
      ).replicas = 3;
    });
    expect(rules(list)).toEqual(
      expect.arrayContaining([
        'Deployment/ionflux-llm container llm: readinessProbe must GET /readyz on the admin port',
        'Deployment/ionflux-llm: set a non-zero runAsUser',
        'Deployment/ionflux-llm container llm: no limits.cpu',
        'Deployment/ionflux-tiktok: drop replicas, its HorizontalPodAutoscaler owns them',
      ]),
    );
  });

  it('an env name a service does not read, a bad value, a secret in a ConfigMap', () => {
    const list = mutated((l) => {
      const config = (name: string) =>
        l.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith(`${name}-`))?.['data'] as Record<
          string,
          string
        >;
      config('ionflux-llm')['LLM_SUBGRAPH_PORTT'] = '4001';
      config('ionflux-shopify')['SHOPIFY_WORKER_IN_PROCESS'] = 'sometimes';
      config('ionflux-common')['IONFLUX_MASTER_KEY'] = 'k:AAAA';
    });
    const problems = rules(list).join('\n');
    expect(problems).toContain(
      'Deployment/ionflux-llm: llm: LLM_SUBGRAPH_PORTT is not a setting it reads (not in its config schema)',
    );
    expect(problems).toContain(
      'Deployment/ionflux-shopify: shopify: SHOPIFY_WORKER_IN_PROCESS: Invalid option',
    );
    expect(problems).toContain(
      'Deployment/ionflux-gateway: gateway: IONFLUX_MASTER_KEY comes from ConfigMap ionflux-common; secrets belong in a Secret',
    );
  });

  it('an unknown field (a typo) and a wrong type', async () => {
    const gatewayWith = (change: (container: Container & Record<string, unknown>) => void) =>
      mutated((l) =>
        change(podOf(l, 'ionflux-gateway').containers[0] as Container & Record<string, unknown>),
      ).filter((o) => o.metadata.name === 'ionflux-gateway' && o.kind === 'Deployment');
    const typo = gatewayWith((container) => {
      container['readinesProbe'] = container.readinessProbe;
    });
    expect(await validateAgainstOpenApi(typo)).toEqual([]);
    expect(checkKnownFields(root, typo)).toEqual([
      `Deployment/ionflux-gateway: Object literal may only specify known properties, and '"readinesProbe"' does not exist in type 'IContainer'.`,
    ]);
    const wrongType = gatewayWith((container) => {
      (container.ports as unknown[])[0] = { containerPort: 'four thousand' };
    });
    expect(await validateAgainstOpenApi(wrongType)).toEqual([
      'Deployment/ionflux-gateway: data/spec/template/spec/containers/0/ports/0/containerPort must be integer',
    ]);
  });
});
