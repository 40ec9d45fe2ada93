import { spawnSync } from 'node:child_process';
import YAML from 'yaml';

/** A rendered Kubernetes object, as loose JSON (the checks read it field by field). */
export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
} & Record<string, unknown>;

/** Whether `kubectl kustomize` can run here, and why not. Kustomize 5 is needed (components, labels). */
export function kustomizeAvailability(): { ok: true; version: string } | { ok: false; reason: string } {
  const result = spawnSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  if (result.error) {
    return {
      ok: false,
      reason:
        'kubectl is not installed, so the Kubernetes overlays cannot be built here (as root: apt-get install ' +
        'kubectl, which `sh scripts/bootstrap.sh test` does where the Debian release packages it)',
    };
  }
  const version = (JSON.parse(result.stdout) as { kustomizeVersion?: string }).kustomizeVersion ?? 'unknown';
  const major = Number(/^v(\d+)/.exec(version)?.[1]);
  if (!(major >= 5))
    throw new Error(`kubectl's kustomize is ${version}; the overlays need kustomize v5 (kubectl 1.27+)`);
  return { ok: true, version };
}

/** `kubectl kustomize <dir>`: every object the overlay renders. Throws with kustomize's message. */
export function kustomizeBuild(dir: string): K8sObject[] {
  const result = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`kubectl kustomize ${dir} failed: ${result.stderr}`);
  return YAML.parseAllDocuments(result.stdout).map((document) => {
    if (document.errors.length > 0)
      throw new Error(`kubectl kustomize ${dir}: ${document.errors[0]?.message}`);
    const object = document.toJS() as K8sObject;
    // Kustomize writes a long Secret value as a block of 70-character lines; the API server's base64
    // decoder skips the line breaks, so they are no part of the value.
    if (object.kind === 'Secret' && object['data']) {
      const encoded = object['data'] as Record<string, string>;
      for (const key of Object.keys(encoded)) encoded[key] = (encoded[key] ?? '').replace(/[\r\n]/g, '');
    }
    return object;
  });
}
