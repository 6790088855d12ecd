// The staged source: what the next commit adds that HEAD does not. It reads the added lines of the
// index against HEAD (against the empty tree before the first commit) from one `git diff --cached`,
// never the working copy, and turns each hunk into a chunk whose first line is the line number in the
// staged file. Git's own environment applies, so a hook's temporary index (GIT_INDEX_FILE, as with
// `git commit -a` or `git commit <paths>`) is the one read. Nothing here writes to the index or the tree.

import type { Chunk } from '../types.js';
import { git } from './git.js';

/** A hunk of the staged file: its new-side text (context and added lines) and which lines are added. */
export interface StagedChunk {
  readonly chunk: Chunk;
  /** Line numbers (in the staged file) of the added lines: only findings on these count. */
  readonly added: ReadonlySet<number>;
  /** Whether an added line holds a NUL byte (the file is binary). */
  readonly binary: boolean;
}

export interface StagedChanges {
  /** One entry per hunk that adds lines, in diff order. */
  readonly chunks: StagedChunk[];
  /** Paths (repository-relative POSIX) with added lines. */
  readonly files: string[];
  /** Files whose added content holds a NUL byte: binary, not scanned. */
  readonly binary: string[];
  /** Every path the commit adds or changes (not deletions), with or without added lines. */
  readonly changed: string[];
}

/**
 * Lines of unchanged context around each change. Rules that judge by the words around a key (a
 * DeepSeek key is one only where DeepSeek is named) need them; findings on them are dropped.
 */
export const CONTEXT_LINES = 25;

/**
 * The diff options that make the output independent of the user's configuration: no colour, no
 * external diff or textconv driver, fixed prefixes and context (diff.context, diff.interHunkContext),
 * whole-repository paths, renames and copies detected (so a moved file contributes only its changed
 * lines), and every file treated as text (a .gitattributes `binary` or `-diff` line must not hide a
 * key; NUL bytes decide instead).
 */
const DIFF_ARGS = [
  '--literal-pathspecs',
  '-c',
  'core.quotePath=false',
  'diff',
  '--cached',
  `--unified=${CONTEXT_LINES}`,
  '--inter-hunk-context=0',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--text',
  '--find-renames',
  '--find-copies',
  '--no-relative',
  '--ignore-submodules=all',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

/** The staged changes of the repository holding `cwd`; pathspecs are relative to `cwd`. */
export async function stagedChanges(cwd: string, pathspecs: readonly string[] = []): Promise<StagedChanges> {
  const out = await git([...DIFF_ARGS, '--', ...pathspecs], cwd);
  return parseDiff(out.toString('utf8'));
}

const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parses `git diff` output into hunks of the staged files, marking their added lines. */
export function parseDiff(diff: string): StagedChanges {
  const chunks: StagedChunk[] = [];
  const files: string[] = [];
  const binary: string[] = [];
  const changed: string[] = [];
  const lines = diff.split('\n');
  let header: string | null = null;
  let deleted = false;
  let path: string | null = null;
  let fileChunks: StagedChunk[] = [];
  const endFile = (): void => {
    if (header !== null && !deleted) changed.push(path ?? header);
    if (path === null || fileChunks.length === 0) return;
    if (fileChunks.some((c) => c.binary)) binary.push(path);
    else {
      files.push(path);
      chunks.push(...fileChunks);
    }
    fileChunks = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('diff --git ')) {
      endFile();
      path = null;
      header = headerPath(line);
      deleted = false;
    } else if (line.startsWith('deleted file mode')) {
      deleted = true;
    } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
      // A pure rename or copy has no +++ line: its new name is here.
      path = unquote(line.slice(line.indexOf(' to ') + 4));
    } else if (line.startsWith('+++ ')) {
      // Git ends the name with a tab when it holds a space; quoted names carry their own delimiters.
      const target = line.slice(4).replace(/\t$/, '');
      path = target === '/dev/null' ? null : stripPrefix(unquote(target));
    } else if (line.startsWith('@@ ')) {
      const m = HUNK.exec(line);
      if (!m) continue;
      // The hunk's body is exactly `oldCount` lines of context and removals and `newCount` lines
      // of context and additions, in any order, each possibly followed by "\ No newline at end of
      // file". Counting (rather than trusting prefixes alone) keeps an added line that itself starts
      // with "+++" or "@@" inside the hunk.
      let oldLeft = m[1] === undefined ? 1 : Number(m[1]);
      let newLeft = m[3] === undefined ? 1 : Number(m[3]);
      const start = Number(m[2]);
      const body: string[] = [];
      const added = new Set<number>();
      let nul = false;
      let j = i + 1;
      for (; (oldLeft > 0 || newLeft > 0) && j < lines.length; j++) {
        const l = lines[j]!;
        const kind = l[0];
        if (kind === '\\') continue;
        if (kind === '-') oldLeft--;
        else if (kind === '+') {
          if (l.includes('\0')) nul = true;
          added.add(start + body.length);
          body.push(l.slice(1));
          newLeft--;
        } else {
          body.push(l.slice(1));
          oldLeft--;
          newLeft--;
        }
      }
      while (j < lines.length && lines[j]!.startsWith('\\')) j++;
      i = j - 1;
      if (path !== null && added.size > 0) fileChunks.push({ chunk: { path, content: `${body.join('\n')}\n`, line: start }, added, binary: nul });
    }
  }
  endFile();
  return { chunks, files, binary, changed };
}

/** The new path in a "diff --git a/P b/P" line (used when a file has no +++ line: empty, mode change). */
function headerPath(line: string): string {
  const rest = line.slice('diff --git '.length);
  if (rest.startsWith('"')) {
    const second = rest.lastIndexOf(' "');
    return stripPrefix(unquote(rest.slice(second + 1)));
  }
  // Unquoted: "a/P b/P" with the same P twice (renames and copies come with "rename to" lines).
  return rest.slice(2, 2 + (rest.length - 5) / 2);
}

function stripPrefix(p: string): string {
  return p.startsWith('b/') ? p.slice(2) : p;
}

/** Undoes git's C-style quoting of unusual paths: "b/odd\nname", octal escapes for raw bytes. */
export function unquote(s: string): string {
  if (!s.startsWith('"') || !s.endsWith('"')) return s;
  const bytes: number[] = [];
  const body = Buffer.from(s.slice(1, -1), 'utf8');
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== 0x5c) {
      bytes.push(c);
      continue;
    }
    const next = String.fromCharCode(body[i + 1]!);
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.subarray(i + 1, i + 4).toString('latin1'), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? body[i + 1]!);
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
