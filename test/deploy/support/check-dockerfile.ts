import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  type Copy,
  execForm,
  parseCopy,
  parseDockerfile,
  parseEnvInstruction,
  type Stage,
} from './dockerfile.ts';
import { ADMIN_PORT, type ImageSpec } from './images.ts';
import {
  dockerignore,
  findsPackage,
  importClosure,
  productionInstall,
  readWorkspaces,
} from './module-closure.ts';

// Files a module reads beside its code at run time: when the module is in an image, so must they be.
const DATA_FILES: Record<string, string> = {
  'schema/src/subgraphs.ts': 'schema/*.graphql',
  'schema/src/compose-supergraph.ts': 'schema/supergraph.graphql',
  'drizzle/src/migrations-folder.ts': 'drizzle/migrations/**',
};

const NODE_24 =
  /^node:24(\.\d+){0,2}-[a-z]+-slim(@sha256:[0-9a-f]{64})?$|^gcr\.io\/distroless\/nodejs24-debian\d+(:[\w.-]+)?$/;

/**
 * Checks a Dockerfile against the project's image rules without building it (no engine runs here):
 * Node.js 24 slim stages; a production-only `npm ci` of the image's workspace from every workspace
 * manifest; a final stage that starts afresh, runs as a numeric non-root user, has a HEALTHCHECK and the
 * service's env and ports; and an image that holds every file and package its entries import. Returns
 * the problems, each a sentence naming what to fix.
 */
export function checkDockerfile(root: string, spec: ImageSpec, text: string): string[] {
  const problems: string[] = [];
  const stages = parseDockerfile(text);
  const byName = new Map(stages.flatMap((stage) => (stage.name ? [[stage.name, stage] as const] : [])));
  const final = stages.at(-1);
  if (!final || stages.length < 2)
    return ['not a multi-stage build: install dependencies in a stage of their own'];

  for (const stage of stages) {
    if (!byName.has(stage.image) && !NODE_24.test(stage.image)) {
      problems.push(
        `FROM ${stage.image}: stages start from node:24-<debian>-slim (or distroless nodejs24) or an earlier stage`,
      );
    }
  }
  if (byName.has(final.image)) {
    problems.push(
      `the final stage builds on stage ${final.image}: start it from node:24 so no build tool comes along`,
    );
  }

  for (const stage of stages) {
    for (const run of instructions(stage, 'RUN')) {
      if (/\bnpm\s+(install|i|add)\b/.test(run.args)) {
        problems.push(`line ${run.line}: npm install; use npm ci (the lockfile, nothing else)`);
      }
    }
  }
  const productionStages = stages.filter((stage) =>
    instructions(stage, 'RUN').some(
      (run) => /\bnpm\s+ci\b/.test(run.args) && run.args.includes('--omit=dev'),
    ),
  );
  const deps = productionStages[0];
  if (productionStages.length !== 1 || !deps?.name) {
    problems.push('one named stage must install the production dependencies (npm ci --omit=dev)');
    return problems;
  }
  const install = instructions(deps, 'RUN').find((run) => /\bnpm\s+ci\b/.test(run.args))?.args ?? '';
  const workspace = /(?:--workspace[= ]|-w )(\S+)/.exec(install)?.[1];
  if (workspace !== spec.workspace) {
    problems.push(
      `the production install must be limited to the workspace ${spec.workspace} (--workspace ${spec.workspace})`,
    );
  }
  const manifests = chain(deps, byName).flatMap((stage) => copies(stage).filter((copy) => !copy.from));
  const copiedManifests = new Set(manifests.flatMap((copy) => copy.sources));
  const wanted = [
    'package.json',
    'package-lock.json',
    ...[...readWorkspaces(root).values()].map((w) => `${w.dir}/package.json`),
  ];
  for (const manifest of wanted) {
    if (!copiedManifests.has(manifest))
      problems.push(
        `the install stage does not copy ${manifest} (npm ci checks the lockfile against every workspace)`,
      );
  }
  if (
    manifests.some((copy) =>
      copy.sources.some((source) => !source.endsWith('package.json') && source !== 'package-lock.json'),
    )
  ) {
    problems.push('the install stage copies more than manifests: every source change would reinstall');
  }

  const finalCopies = copies(final);
  if (!finalCopies.some((copy) => copy.from === deps.name && copy.sources.join() === '/app')) {
    problems.push(`the final stage must take /app (node_modules and manifests) from stage ${deps.name}`);
  }
  for (const copy of finalCopies) {
    const from = copy.from ? byName.get(copy.from) : undefined;
    if (!from || from === deps) continue;
    const fullInstall = chain(from, byName).some((stage) =>
      instructions(stage, 'RUN').some(
        (run) => /\bnpm\s+ci\b/.test(run.args) && !run.args.includes('--omit=dev'),
      ),
    );
    if (fullInstall && !copy.sources.every((source) => source.endsWith('/dist'))) {
      problems.push(
        `COPY --from=${copy.from} ${copy.sources.join(' ')}: only build output (dist) may come from a stage with dev dependencies`,
      );
    }
  }

  const user = instructions(final, 'USER').at(-1)?.args;
  if (!user) problems.push('the final stage sets no USER: the service would run as root');
  else if (!/^\d+(:\d+)?$/.test(user))
    problems.push(`USER ${user}: give a numeric uid (Kubernetes runAsNonRoot can only verify a number)`);
  else if (Number(user.split(':')[0]) === 0)
    problems.push(`USER ${user}: root; run as an unprivileged uid such as 1000 (node)`);

  const healthcheck = instructions(final, 'HEALTHCHECK').at(-1);
  const probe = healthcheck ? execForm(healthcheck.args.replace(/^(--\S+\s+)*CMD\s+/, '')) : undefined;
  if (!healthcheck || !probe) problems.push('the final stage has no HEALTHCHECK CMD in exec form');
  else if (spec.port) {
    const script = probe.join(' ');
    for (const needle of ['/healthz', 'ADMIN_PORT', spec.port.variable]) {
      if (!script.includes(needle))
        problems.push(`HEALTHCHECK must probe /healthz on ADMIN_PORT or ${spec.port.variable}: no ${needle}`);
    }
  }

  const env = Object.assign(
    {},
    ...instructions(final, 'ENV').map((i) => parseEnvInstruction(i.args)),
  ) as Record<string, string>;
  if (env['NODE_ENV'] !== 'production') problems.push('ENV NODE_ENV=production is missing');
  if (spec.port) {
    if (env['HOST'] !== '0.0.0.0')
      problems.push('ENV HOST=0.0.0.0 is missing: the service would listen on loopback only');
    if (env[spec.port.variable] !== String(spec.port.value))
      problems.push(`ENV ${spec.port.variable}=${spec.port.value} is missing`);
    const exposed = instructions(final, 'EXPOSE').flatMap((i) => i.args.split(/\s+/));
    for (const port of [spec.port.value, ADMIN_PORT]) {
      if (!exposed.includes(String(port))) problems.push(`EXPOSE ${port} is missing`);
    }
  }
  const cmd = instructions(final, 'CMD').at(-1);
  const command = (cmd ? execForm(cmd.args) : undefined)?.join(' ');
  const expected = ['node', ...(spec.nodeFlags ?? []), spec.entries[0]];
  if (command !== expected.join(' ')) {
    problems.push(`CMD must be ${JSON.stringify(expected)} (exec form: node is PID 1 and gets SIGTERM)`);
  }

  problems.push(...checkContents(root, spec, workspace ?? '', finalCopies, byName));
  return problems;
}

/** Every file and package the entries import is in the image, and every source COPY names exists. */
function checkContents(
  root: string,
  spec: ImageSpec,
  workspace: string,
  finalCopies: Copy[],
  byName: Map<string, Stage>,
): string[] {
  const problems: string[] = [];
  const ignored = dockerignore(readFileSync(path.join(root, '.dockerignore'), 'utf8'));
  const files = new Set<string>();
  for (const copy of finalCopies.filter((c) => !c.from)) {
    for (const source of copy.sources) {
      const matches = expand(root, source).filter((file) => !ignored(file));
      if (matches.length === 0)
        problems.push(`COPY ${source}: nothing in the build context matches (or .dockerignore drops it)`);
      const keepsLayout =
        copy.destination.replace(/\/$/, '') === source.replace(/\/$/, '') ||
        (copy.destination.endsWith('/') && path.posix.dirname(source) === copy.destination.slice(0, -1));
      if (!keepsLayout)
        problems.push(
          `COPY ${source} ${copy.destination}: keep the repository's layout (workspace links rely on it)`,
        );
      for (const file of matches) files.add(file);
    }
  }
  let closure: ReturnType<typeof importClosure>;
  try {
    closure = importClosure(root, spec.entries);
  } catch (error) {
    return [...problems, `cannot follow the imports: ${(error as Error).message}`];
  }
  for (const file of closure.files) {
    if (!files.has(file))
      problems.push(`${file} is imported by ${spec.entries.join(', ')} but not copied into the image`);
    const data = DATA_FILES[file];
    for (const needed of data ? expand(root, data) : []) {
      if (!files.has(needed))
        problems.push(`${needed} is read by ${file} at run time but not copied into the image`);
    }
  }
  if (closure.files.has('gateway/src/playground/default-dist-dir.ts')) {
    const dist = finalCopies.find((copy) => copy.from && copy.sources.includes('/app/gateway/dist'));
    const built = dist?.from && byName.get(dist.from);
    const builds =
      built &&
      instructions(built, 'RUN').some((run) => /npm run build (--workspace |-w )gateway/.test(run.args));
    if (!builds)
      problems.push(
        'the gateway serves gateway/dist (the playground): build it in a stage and copy /app/gateway/dist',
      );
  }
  // What the Dockerfile installs, as npm would from the lockfile (not what the spec says it should).
  const installed = productionInstall(root, workspace);
  for (const [name, importers] of closure.packages) {
    for (const importer of importers) {
      if (!findsPackage(installed, importer, name)) {
        problems.push(
          `${importer} imports ${name}, which npm ci --omit=dev --workspace ${workspace} does not install`,
        );
      }
    }
  }
  return problems;
}

function instructions(stage: Stage, keyword: string) {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword);
}

function copies(stage: Stage): Copy[] {
  return instructions(stage, 'COPY').map((instruction) => parseCopy(instruction.args));
}

/** The stage and the stages it is built on, nearest first. */
function chain(stage: Stage, byName: Map<string, Stage>): Stage[] {
  const parent = byName.get(stage.image);
  return parent ? [stage, ...chain(parent, byName)] : [stage];
}

/** The repository files a COPY source names: a file, a directory's files, or a glob. */
function expand(root: string, source: string): string[] {
  const clean = source.replace(/\/$/, '');
  if (!clean.includes('*')) {
    const absolute = path.join(root, clean);
    if (!existsSync(absolute)) return [];
    return statSync(absolute).isDirectory() ? walk(root, clean) : [clean];
  }
  const base = clean.slice(0, clean.indexOf('*')).replace(/\/[^/]*$/, '');
  return walk(root, base).filter((file) => path.posix.matchesGlob(file, clean));
}

function walk(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...walk(root, relative));
    else out.push(relative);
  }
  return out;
}
