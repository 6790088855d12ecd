// Which frameworks a file's project builds with: the nearest package.json above the file, read
// once per folder and parsed with client.ts's frameworksOf. The rules that tell client code from
// server code need it (a Vite app's src/ runs in the browser). A package.json that cannot be read
// or parsed counts as none: it changes how sure a finding is, never whether the scan completes.

import { existsSync, readFileSync } from 'node:fs';
import { frameworksOf, inNodeModules } from '../client.js';
import type { Chunk, Framework } from '../types.js';

const NONE: readonly Framework[] = [];

export class Projects {
  /** Frameworks by folder (POSIX, relative to root; '' is root): of its own package.json, or inherited. */
  private readonly byDir = new Map<string, readonly Framework[]>();

  /** `root`: the absolute folder that paths are relative to (the top of the work tree). */
  constructor(readonly root: string) {}

  /** The frameworks of the project holding `path` (POSIX, relative to root). */
  of(path: string): readonly Framework[] {
    const slash = path.lastIndexOf('/');
    return this.ofDir(slash === -1 ? '' : path.slice(0, slash));
  }

  private ofDir(dir: string): readonly Framework[] {
    const known = this.byDir.get(dir);
    if (known) return known;
    let found: readonly Framework[] | null = null;
    const manifest = `${this.root}/${dir === '' ? '' : `${dir}/`}package.json`;
    // existsSync first: most folders have none, and a failed read throws, which costs ten times more.
    if (!inNodeModules(`${dir}/`) && existsSync(manifest)) {
      try {
        found = frameworksOf(JSON.parse(readFileSync(manifest, 'utf8')));
      } catch {
        found = null;
      }
    }
    const slash = dir.lastIndexOf('/');
    const frameworks = found ?? (dir === '' ? NONE : this.ofDir(slash === -1 ? '' : dir.slice(0, slash)));
    this.byDir.set(dir, frameworks);
    return frameworks;
  }
}

/**
 * A chunk (a whole file when `line` is 1) whose frameworks are looked up only when a rule asks for
 * them (most chunks hold no match), and not at all without projects.
 */
export const projectChunk = (path: string, content: Chunk['content'], projects: Projects | null, line = 1): Chunk => new ProjectChunk(path, content, line, projects);

class ProjectChunk implements Chunk {
  constructor(
    readonly path: string,
    readonly content: Chunk['content'],
    readonly line: number,
    private readonly projects: Projects | null,
  ) {}

  get frameworks(): readonly Framework[] | undefined {
    return this.projects?.of(this.path);
  }
}
