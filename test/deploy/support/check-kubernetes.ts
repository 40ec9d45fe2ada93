import { identityPublicKeyFor } from '@ionflux/kit/identity';
import { ADMIN_PORT, images } from './images.ts';
import type { K8sObject } from './kustomize.ts';
import { checkServiceEnv } from './service-config.ts';

// Loose views of the fields the rules read (the schema checks vouch for their shapes).
type Labels = Record<string, string>;
interface Selector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
interface KeyRef {
  name: string;
  key: string;
  optional?: boolean;
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { configMapKeyRef?: KeyRef; secretKeyRef?: KeyRef };
}
interface Probe {
  httpGet?: { path: string; port: string | number };
  tcpSocket?: { port: string | number };
  exec?: { command: string[] };
}
export interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    capabilities?: { drop?: string[] };
  };
  volumeMounts?: { name: string; mountPath: string }[];
}
export interface PodSpec {
  automountServiceAccountToken?: boolean;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; seccompProfile?: { type: string } };
  initContainers?: Container[];
  containers: Container[];
  volumes?: { name: string; secret?: { secretName: string } }[];
}
export interface Workload {
  object: K8sObject;
  labels: Labels;
  pod: PodSpec;
}
interface PolicyPeer {
  podSelector?: Selector;
  namespaceSelector?: Selector;
  ipBlock?: { cidr: string };
}
interface PolicyPort {
  protocol?: string;
  port?: string | number;
  endPort?: number;
}
interface PolicyRule {
  from?: PolicyPeer[];
  to?: PolicyPeer[];
  ports?: PolicyPort[];
}
interface NetworkPolicySpec {
  podSelector: Selector;
  policyTypes?: string[];
  ingress?: PolicyRule[];
  egress?: PolicyRule[];
}

/** The API versions the manifests may use: all GA and served by Kubernetes 1.36. */
const SERVED = new Set([
  'v1/ConfigMap',
  'v1/Secret',
  'v1/Service',
  'v1/ServiceAccount',
  'v1/Namespace',
  'apps/v1/Deployment',
  'apps/v1/StatefulSet',
  'batch/v1/Job',
  'autoscaling/v2/HorizontalPodAutoscaler',
  'policy/v1/PodDisruptionBudget',
  'networking.k8s.io/v1/NetworkPolicy',
  'networking.k8s.io/v1/Ingress',
]);

/** Names whose values are secrets: they must come from a Secret, never a ConfigMap or the manifest. */
const SECRET_NAME = /(^|_)(SECRET|PASSWORD|TOKEN)(_|$)|DATABASE_URL|MASTER_KEY|API_KEY/;

/** Sample values of the objects the cluster provides (created out of band): the keys services read. */
const internalSecret = 'cluster-provided-internal-secret-0123456789abcdef';
export const CLUSTER_PROVIDED: Record<string, Record<string, string>> = {
  'Secret/ionflux-database': { DATABASE_URL: 'postgres://ionflux:password@db.internal:5432/ionflux' },
  'Secret/ionflux-gateway': {
    IONFLUX_INTERNAL_SECRET: internalSecret,
    IONFLUX_JWT_SECRET: 'cluster-provided-jwt-secret-0123456789abcdef',
  },
  'ConfigMap/ionflux-identity': { IONFLUX_IDENTITY_PUBLIC_KEY: identityPublicKeyFor(internalSecret) },
  'Secret/ionflux-llm-secrets': {},
  'Secret/ionflux-shopify-secrets': {},
  'Secret/ionflux-llm-vault': { VAULT_TOKEN: 'hvs.cluster-provided' },
  'Secret/ionflux-shopify-vault': { VAULT_TOKEN: 'hvs.cluster-provided' },
  'Secret/ionflux-tls': {},
};

export function matches(selector: Selector | undefined, labels: Labels): boolean {
  if (!selector) return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    if (labels[key] !== value) return false;
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const value = labels[key];
    const ok =
      operator === 'In'
        ? value !== undefined && values.includes(value)
        : operator === 'NotIn'
          ? value === undefined || !values.includes(value)
          : operator === 'Exists'
            ? value !== undefined
            : value === undefined;
    if (!ok) return false;
  }
  return true;
}

export function workloads(objects: readonly K8sObject[]): Workload[] {
  return objects.flatMap((object) => {
    if (!['Deployment', 'StatefulSet', 'Job'].includes(object.kind)) return [];
    const template = (object['spec'] as { template: { metadata?: { labels?: Labels }; spec: PodSpec } })
      .template;
    return [{ object, labels: template.metadata?.labels ?? {}, pod: template.spec }];
  });
}

const component = (workload: Workload) => workload.labels['app.kubernetes.io/component'];
const serviceName = (workload: Workload) => workload.object.metadata.name.replace(/^ionflux-/, '');
const find = (objects: readonly K8sObject[], kind: string, name: string) =>
  objects.find((object) => object.kind === kind && object.metadata.name === name);
const data = (object: K8sObject): Record<string, string> => {
  if (object.kind === 'Secret') {
    const encoded = (object['data'] ?? {}) as Record<string, string>;
    return Object.fromEntries(
      Object.entries(encoded).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]),
    );
  }
  return (object['data'] ?? {}) as Record<string, string>;
};
/** Generated names carry a hash suffix: `ionflux-common-4t2m55644d` is `ionflux-common`. */
const baseName = (name: string) => name.replace(/-[a-z0-9]{10}$/, '');

/**
 * The env a container gets: its ConfigMaps and Secrets resolved from the rendered objects, or, for those
 * the cluster provides, from {@link CLUSTER_PROVIDED}. `clusterProvided` collects the latter's names.
 */
export function resolveEnv(
  container: Container,
  objects: readonly K8sObject[],
  clusterProvided: Set<string>,
): { env: Record<string, string>; problems: string[] } {
  const problems: string[] = [];
  const env: Record<string, string> = {};
  const lookup = (kind: string, name: string): Record<string, string> | undefined => {
    const object = find(objects, kind, name);
    if (object) return data(object);
    const provided = CLUSTER_PROVIDED[`${kind}/${name}`];
    if (provided) clusterProvided.add(`${kind}/${name}`);
    return provided;
  };
  for (const source of container.envFrom ?? []) {
    const [kind, name] = source.configMapRef
      ? ['ConfigMap', source.configMapRef.name]
      : ['Secret', source.secretRef?.name ?? ''];
    const values = lookup(kind, name);
    if (!values)
      problems.push(`${container.name}: ${kind} ${name} is neither rendered nor provided by the cluster`);
    for (const [key, value] of Object.entries(values ?? {})) {
      if (kind === 'ConfigMap' && SECRET_NAME.test(key)) {
        problems.push(
          `${container.name}: ${key} comes from ConfigMap ${baseName(name)}; secrets belong in a Secret`,
        );
      }
      env[key] = value;
    }
  }
  for (const variable of container.env ?? []) {
    if (variable.value !== undefined) {
      if (SECRET_NAME.test(variable.name))
        problems.push(`${container.name}: ${variable.name} is written in the manifest`);
      env[variable.name] = variable.value;
      continue;
    }
    const ref = variable.valueFrom?.secretKeyRef ?? variable.valueFrom?.configMapKeyRef;
    if (!ref) continue;
    const kind = variable.valueFrom?.secretKeyRef ? 'Secret' : 'ConfigMap';
    if (kind === 'ConfigMap' && SECRET_NAME.test(variable.name)) {
      problems.push(`${container.name}: ${variable.name} comes from a ConfigMap; secrets belong in a Secret`);
    }
    const value = lookup(kind, ref.name)?.[ref.key];
    if (value !== undefined) env[variable.name] = value;
    else if (!ref.optional)
      problems.push(
        `${container.name}: ${variable.name} names ${kind} ${ref.name} key ${ref.key}, which does not exist`,
      );
  }
  return { env, problems };
}

export interface ManifestOptions {
  /** Whether the overlay is a production one: at least two replicas, no Secret rendered. */
  production: boolean;
}

/**
 * The project's rules for a rendered overlay, beyond the Kubernetes schema: GA APIs; hardened,
 * non-root pods with resources; the services' probes on the admin port; an HPA and a PDB per service;
 * the migration Job and the init containers that wait for it; each service's env accepted by its own
 * config schema, secrets from Secrets only; Services and URLs that agree; and NetworkPolicies that
 * admit only the gateway to the subgraphs. Returns the problems.
 */
export function checkManifests(
  objects: readonly K8sObject[],
  options: ManifestOptions,
  clusterProvided = new Set<string>(),
): string[] {
  const problems: string[] = [];
  const namespaces = new Set(objects.filter((o) => o.kind !== 'Namespace').map((o) => o.metadata.namespace));
  if (namespaces.size !== 1 || namespaces.has(undefined))
    problems.push(`objects span namespaces ${[...namespaces].join(', ')}`);
  for (const object of objects) {
    if (!SERVED.has(`${object.apiVersion}/${object.kind}`))
      problems.push(`${object.apiVersion} ${object.kind}: not a GA API this project uses`);
    if (
      object.kind === 'Namespace' &&
      object.metadata.labels?.['pod-security.kubernetes.io/enforce'] !== 'restricted'
    ) {
      problems.push(`Namespace ${object.metadata.name}: enforce the restricted Pod Security Standard`);
    }
    if (options.production && object.kind === 'Secret')
      problems.push(
        `Secret ${object.metadata.name} is rendered: production secrets come from the cluster or Vault`,
      );
  }

  const all = workloads(objects);
  for (const workload of all) problems.push(...checkPod(workload, objects, clusterProvided));
  problems.push(...checkScaling(objects, all, options));
  problems.push(...checkMigration(all));
  problems.push(...checkServicesAndUrls(objects, all));
  problems.push(...checkNetworkPolicies(objects, all));
  return problems;
}

function checkPod(workload: Workload, objects: readonly K8sObject[], clusterProvided: Set<string>): string[] {
  const problems: string[] = [];
  const label = `${workload.object.kind}/${workload.object.metadata.name}`;
  const { pod } = workload;
  if (pod.securityContext?.runAsNonRoot !== true) problems.push(`${label}: runAsNonRoot must be true`);
  if (!(Number(pod.securityContext?.runAsUser) > 0)) problems.push(`${label}: set a non-zero runAsUser`);
  if (pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault')
    problems.push(`${label}: seccompProfile RuntimeDefault`);
  if (pod.automountServiceAccountToken !== false)
    problems.push(`${label}: no service account token is needed; do not mount one`);
  const kind = component(workload);
  const ionflux = kind === 'gateway' || kind === 'subgraph' || kind === 'worker';
  for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
    const where = `${label} container ${container.name}`;
    const security = container.securityContext ?? {};
    if (security.allowPrivilegeEscalation !== false)
      problems.push(`${where}: allowPrivilegeEscalation must be false`);
    if (security.readOnlyRootFilesystem !== true)
      problems.push(`${where}: readOnlyRootFilesystem must be true`);
    if (!security.capabilities?.drop?.includes('ALL')) problems.push(`${where}: drop ALL capabilities`);
    if (security.runAsUser === 0) problems.push(`${where}: runs as root`);
    const { requests = {}, limits = {} } = container.resources ?? {};
    for (const [what, values] of [
      ['requests', requests],
      ['limits', limits],
    ] as const) {
      for (const resource of ['cpu', 'memory'])
        if (!values[resource]) problems.push(`${where}: no ${what}.${resource}`);
    }
    const image = container.image;
    const tagged =
      /@sha256:[0-9a-f]{64}$/.test(image) || /:[\w][\w.-]*$/.test(image.slice(image.lastIndexOf('/') + 1));
    if (!tagged || image.endsWith(':latest'))
      problems.push(`${where}: image ${image} needs a fixed tag or digest`);

    const isInit = pod.initContainers?.includes(container) ?? false;
    const service =
      workload.object.kind === 'Job' || isInit ? 'migrate' : ionflux ? serviceName(workload) : undefined;
    if (!service) continue;
    const resolved = resolveEnv(container, objects, clusterProvided);
    problems.push(...resolved.problems.map((problem) => `${label}: ${problem}`));
    problems.push(...checkServiceEnv(service, resolved.env).map((problem) => `${label}: ${problem}`));
    const provider = resolved.env['IONFLUX_SECRETS_PROVIDER'];
    if (provider?.startsWith('file:')) {
      const mount = container.volumeMounts?.find((m) => m.mountPath === provider.slice('file:'.length));
      const volume = pod.volumes?.find((v) => v.name === mount?.name);
      if (!volume?.secret)
        problems.push(`${where}: IONFLUX_SECRETS_PROVIDER=${provider} but no Secret is mounted there`);
    }
    if (provider === 'vault' && !resolved.env['VAULT_ADDR']?.startsWith('https://')) {
      problems.push(`${where}: the vault provider needs VAULT_ADDR over https`);
    }
    if (isInit || workload.object.kind === 'Job') continue;
    if (kind === 'worker') {
      // It serves no HTTP: nothing to probe, no port (see base/shopify-worker.yaml).
      if (container.ports || container.readinessProbe || container.livenessProbe)
        problems.push(`${where}: the worker serves no HTTP`);
      continue;
    }
    const admin = container.ports?.find((port) => port.name === 'admin');
    if (admin?.containerPort !== ADMIN_PORT || resolved.env['ADMIN_PORT'] !== String(ADMIN_PORT)) {
      problems.push(`${where}: ADMIN_PORT=${ADMIN_PORT} and a container port named admin on it`);
    }
    for (const [probe, path] of [
      ['readinessProbe', '/readyz'],
      ['livenessProbe', '/healthz'],
    ] as const) {
      const get = container[probe]?.httpGet;
      if (get?.path !== path || get.port !== 'admin')
        problems.push(`${where}: ${probe} must GET ${path} on the admin port`);
    }
  }
  if (!ionflux) {
    for (const container of pod.containers) {
      if (workload.object.kind !== 'Job' && (!container.readinessProbe || !container.livenessProbe)) {
        problems.push(`${label} container ${container.name}: readiness and liveness probes`);
      }
    }
  }
  return problems;
}

function checkScaling(objects: readonly K8sObject[], all: Workload[], options: ManifestOptions): string[] {
  const problems: string[] = [];
  const hpas = objects.filter((o) => o.kind === 'HorizontalPodAutoscaler');
  const pdbs = objects.filter((o) => o.kind === 'PodDisruptionBudget');
  for (const workload of all.filter((w) => ['gateway', 'subgraph', 'worker'].includes(component(w) ?? ''))) {
    const name = workload.object.metadata.name;
    const targeting = hpas.filter((hpa) => {
      const target = (hpa['spec'] as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef;
      return target.kind === 'Deployment' && target.name === name;
    });
    if (targeting.length !== 1)
      problems.push(`Deployment/${name}: needs one HorizontalPodAutoscaler, has ${targeting.length}`);
    const spec = workload.object['spec'] as { replicas?: number };
    if (spec.replicas !== undefined)
      problems.push(`Deployment/${name}: drop replicas, its HorizontalPodAutoscaler owns them`);
    for (const hpa of targeting) {
      const { minReplicas = 1, maxReplicas } = hpa['spec'] as { minReplicas?: number; maxReplicas: number };
      if (options.production && minReplicas < 2)
        problems.push(`HorizontalPodAutoscaler/${name}: at least 2 replicas in production`);
      if (maxReplicas < minReplicas)
        problems.push(`HorizontalPodAutoscaler/${name}: maxReplicas below minReplicas`);
    }
    const covering = pdbs.filter((pdb) =>
      matches((pdb['spec'] as { selector: Selector }).selector, workload.labels),
    );
    if (covering.length !== 1)
      problems.push(`Deployment/${name}: needs one PodDisruptionBudget, has ${covering.length}`);
  }
  return problems;
}

function checkMigration(all: Workload[]): string[] {
  const problems: string[] = [];
  const subgraphImages = new Set(['llm', 'shopify', 'tiktok']);
  const imageName = (image: string) => /ionflux\/(\w+)/.exec(image)?.[1] ?? image;
  const jobs = all.filter((w) => w.object.kind === 'Job');
  const migrations = jobs.filter((job) =>
    job.pod.containers.some((c) => c.command?.join(' ') === 'node scripts/migrate.ts'),
  );
  if (migrations.length !== 1)
    problems.push(`one migration Job must run \`node scripts/migrate.ts\`; found ${migrations.length}`);
  for (const job of migrations) {
    for (const container of job.pod.containers) {
      if (!subgraphImages.has(imageName(container.image)))
        problems.push(`Job/${job.object.metadata.name}: run it from a subgraph image`);
    }
  }
  for (const workload of all.filter((w) => ['subgraph', 'worker'].includes(component(w) ?? ''))) {
    const main = workload.pod.containers[0];
    const wait = workload.pod.initContainers?.find(
      (c) => c.command?.slice(0, 3).join(' ') === 'node scripts/migrate.ts --wait',
    );
    if (!wait)
      problems.push(
        `Deployment/${workload.object.metadata.name}: an init container must wait for the migration`,
      );
    else if (wait.image !== main?.image)
      problems.push(
        `Deployment/${workload.object.metadata.name}: wait with the service's own image (its migrations)`,
      );
    const command = main?.command;
    const spec = images[imageName(main?.image ?? '') as keyof typeof images];
    if (
      command &&
      (command[0] !== 'node' || !spec || !(spec.entries as readonly string[]).includes(command[1] ?? ''))
    ) {
      problems.push(
        `Deployment/${workload.object.metadata.name}: ${command.join(' ')} is not an entry its image holds`,
      );
    }
  }
  return problems;
}

function checkServicesAndUrls(objects: readonly K8sObject[], all: Workload[]): string[] {
  const problems: string[] = [];
  const services = objects.filter((o) => o.kind === 'Service');
  const portOf = (service: K8sObject, name: string) =>
    (service['spec'] as { ports: { name: string; port: number }[] }).ports.find((port) => port.name === name)
      ?.port;
  for (const workload of all.filter((w) => ['gateway', 'subgraph'].includes(component(w) ?? ''))) {
    const service = services.find((s) =>
      matches({ matchLabels: (s['spec'] as { selector: Labels }).selector }, workload.labels),
    );
    if (!service) {
      problems.push(`Deployment/${workload.object.metadata.name}: no Service selects it`);
      continue;
    }
    const container = workload.pod.containers[0];
    for (const port of (service['spec'] as { ports: { name: string; targetPort: string }[] }).ports) {
      if (!container?.ports?.some((p) => p.name === port.targetPort))
        problems.push(`Service/${service.metadata.name}: targetPort ${port.targetPort} is no container port`);
    }
  }
  const gateway = all.find((w) => component(w) === 'gateway');
  const env = gateway ? resolveEnv(gateway.pod.containers[0] as Container, objects, new Set()).env : {};
  for (const subgraph of ['llm', 'shopify', 'tiktok']) {
    const service = services.find((s) => s.metadata.name === `ionflux-${subgraph}`);
    const prefix = subgraph.toUpperCase();
    const expected = {
      [`${prefix}_SUBGRAPH_URL`]:
        service && `http://${service.metadata.name}:${portOf(service, 'http')}/graphql`,
      [`${prefix}_SUBGRAPH_ADMIN_URL`]:
        service && `http://${service.metadata.name}:${portOf(service, 'admin')}`,
    };
    for (const [name, url] of Object.entries(expected)) {
      if (!url || env[name] !== url) problems.push(`gateway ${name}=${env[name]}: the Service is at ${url}`);
    }
  }
  return problems;
}

function checkNetworkPolicies(objects: readonly K8sObject[], all: Workload[]): string[] {
  const problems: string[] = [];
  const policies = objects
    .filter((o) => o.kind === 'NetworkPolicy')
    .map((o) => ({ name: o.metadata.name, spec: o['spec'] as NetworkPolicySpec }));
  const denyAll = policies.some(
    (p) =>
      Object.keys(p.spec.podSelector).length === 0 &&
      ['Ingress', 'Egress'].every((t) => p.spec.policyTypes?.includes(t)) &&
      !p.spec.ingress &&
      !p.spec.egress,
  );
  if (!denyAll) problems.push('no default-deny NetworkPolicy (every pod, Ingress and Egress, no rule)');
  const gateway = all.find((w) => component(w) === 'gateway');
  const subgraphs = all.filter((w) => component(w) === 'subgraph');
  const others = all.filter((w) => w !== gateway);
  for (const subgraph of subgraphs) {
    const name = subgraph.object.metadata.name;
    const container = subgraph.pod.containers[0];
    const http = container?.ports?.find((p) => p.name === 'http')?.containerPort;
    const selecting = policies.filter((p) => matches(p.spec.podSelector, subgraph.labels));
    if (!selecting.some((p) => p.spec.policyTypes?.includes('Ingress')))
      problems.push(`Deployment/${name}: no NetworkPolicy restricts its ingress`);
    const coversHttp = (ports: PolicyPort[] | undefined) =>
      !ports ||
      ports.some(
        (p) =>
          p.port === undefined ||
          p.port === 'http' ||
          p.port === http ||
          (typeof p.port === 'number' &&
            p.endPort !== undefined &&
            http !== undefined &&
            p.port <= http &&
            http <= p.endPort),
      );
    let gatewayAdmitted = false;
    for (const policy of selecting) {
      for (const rule of policy.spec.ingress ?? []) {
        if (!coversHttp(rule.ports)) continue;
        const peers = rule.from ?? [];
        if (peers.length === 0)
          problems.push(`NetworkPolicy/${policy.name}: admits anyone to ${name}'s GraphQL port`);
        for (const peer of peers) {
          const onlyGateway =
            !peer.namespaceSelector &&
            !peer.ipBlock &&
            gateway !== undefined &&
            matches(peer.podSelector, gateway.labels) &&
            !others.some((other) => matches(peer.podSelector, other.labels));
          if (!onlyGateway)
            problems.push(
              `NetworkPolicy/${policy.name}: admits ${JSON.stringify(peer)} to ${name}'s GraphQL port; only the gateway may`,
            );
          else gatewayAdmitted = true;
        }
      }
    }
    // The subgraphs reach PostgreSQL and the providers' https APIs.
    const egressPorts = selecting
      .flatMap((p) => p.spec.egress ?? [])
      .flatMap((rule) => rule.ports ?? [])
      .map((p) => p.port);
    for (const port of [5432, 443])
      if (!egressPorts.includes(port))
        problems.push(`Deployment/${name}: no NetworkPolicy lets it reach port ${port}`);
    if (!gatewayAdmitted) problems.push(`Deployment/${name}: no NetworkPolicy admits the gateway`);
  }
  if (gateway) {
    const reaches = policies
      .filter((p) => matches(p.spec.podSelector, gateway.labels))
      .some((p) =>
        (p.spec.egress ?? []).some(
          (rule) =>
            subgraphs.every((s) => rule.to?.some((peer) => matches(peer.podSelector, s.labels))) &&
            rule.ports?.some((port) => port.port === 'http'),
        ),
      );
    if (!reaches) problems.push('no NetworkPolicy lets the gateway reach the subgraphs');
  }
  return problems;
}
