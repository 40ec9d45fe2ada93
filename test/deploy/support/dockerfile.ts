/** One instruction of a Dockerfile, continuation lines joined. */
export interface Instruction {
  keyword: string;
  args: string;
  /** 1-based line where it starts, for messages. */
  line: number;
}

/** A build stage: its `FROM` and what follows until the next one. */
export interface Stage {
  image: string;
  name: string | undefined;
  instructions: Instruction[];
}

/**
 * Parses a Dockerfile into stages, enough to check it without an engine: comments and parser directives
 * dropped, `\` continuations joined, keywords upper-cased. Throws on an instruction before `FROM`.
 */
export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let line = lines[i] ?? '';
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) {
      line = `${line.slice(0, -1)} ${(lines[++i] ?? '').trim()}`;
    }
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!match?.[1] || match[2] === undefined) throw new Error(`line ${start}: cannot read "${line}"`);
    const instruction = { keyword: match[1].toUpperCase(), args: match[2].trim(), line: start };
    if (instruction.keyword === 'FROM') {
      const from = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      if (!from?.[1]) throw new Error(`line ${start}: cannot read FROM ${instruction.args}`);
      stages.push({ image: from[1], name: from[2], instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`line ${start}: ${instruction.keyword} before any FROM`);
    stage.instructions.push(instruction);
  }
  return stages;
}

/** The exec form of CMD, ENTRYPOINT or HEALTHCHECK CMD (a JSON array), or undefined for shell form. */
export function execForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string')) return undefined;
  return parsed;
}

export interface Copy {
  /** The stage copied from, or undefined for the build context. */
  from: string | undefined;
  sources: string[];
  destination: string;
}

/** A COPY instruction's flags, sources and destination (shell form only: this project writes no other). */
export function parseCopy(args: string): Copy {
  const words = args.split(/\s+/);
  let from: string | undefined;
  const paths: string[] = [];
  for (const word of words) {
    if (word.startsWith('--from=')) from = word.slice('--from='.length);
    else if (!word.startsWith('--')) paths.push(word);
  }
  const destination = paths.pop();
  if (!destination || paths.length === 0) throw new Error(`COPY ${args}: needs a source and a destination`);
  return { from, sources: paths, destination };
}

/** `KEY=value` pairs of an ENV instruction (values without spaces, as this project writes them). */
export function parseEnvInstruction(args: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of args.split(/\s+/)) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`ENV ${args}: write KEY=value pairs`);
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return env;
}
