import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { K8sObject } from './kustomize.ts';

/** The kubernetes-models module of a kind: `kubernetes-models/apps/v1/Deployment`. */
function modelModule(object: K8sObject): string {
  return `kubernetes-models/${object.apiVersion}/${object.kind}`;
}

/**
 * Validates each object against the Kubernetes OpenAPI schema of its kind (kubernetes-models 5.1, which
 * is generated from Kubernetes 1.36): types, enums, required fields. Returns the problems.
 */
export async function validateAgainstOpenApi(objects: readonly K8sObject[]): Promise<string[]> {
  const problems: string[] = [];
  for (const object of objects) {
    const label = `${object.kind}/${object.metadata.name}`;
    let model: (new (data: unknown) => { validate(): void }) | undefined;
    try {
      const module = (await import(modelModule(object))) as Record<
        string,
        new (
          data: unknown,
        ) => { validate(): void }
      >;
      model = module[object.kind];
    } catch {
      model = undefined;
    }
    if (!model) {
      problems.push(`${label}: no Kubernetes schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new model(object).validate();
    } catch (error) {
      problems.push(`${label}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/**
 * What the OpenAPI validation lets through, an unknown field (`readinesProbe`, a field of a newer
 * Kubernetes), which `kubectl apply` refuses (strict field validation): each object is type-checked as
 * an object literal of its kubernetes-models interface, where TypeScript rejects excess properties.
 */
export function checkKnownFields(root: string, objects: readonly K8sObject[]): string[] {
  const file = path.join(root, 'test/deploy/rendered-manifests.generated.ts');
  const owners: { line: number; label: string }[] = [];
  let text = '';
  objects.forEach((object, index) => {
    text += `import type { I${object.kind} as T${index} } from '${modelModule(object)}';\n`;
  });
  objects.forEach((object, index) => {
    owners.push({ line: text.split('\n').length, label: `${object.kind}/${object.metadata.name}` });
    text += `export const o${index}: T${index} = ${JSON.stringify(object, null, 2)};\n`;
  });

  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), (name) => readFileSync(name, 'utf8'));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const host = ts.createCompilerHost(options);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2024, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, ...rest) => (name === file ? source : getSourceFile.call(host, name, ...rest));
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? text : readFile.call(host, name));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const line = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
    if (diagnostic.file.fileName !== file)
      return `${path.relative(root, diagnostic.file.fileName)}:${line}: ${message}`;
    const owner = owners.filter((candidate) => candidate.line <= line).at(-1);
    return `${owner?.label ?? 'manifest'}: ${message}`;
  });
}
