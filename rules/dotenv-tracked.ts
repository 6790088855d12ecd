// dotenv-tracked: a dotenv file that git tracks, that a commit is about to add, or that a commit
// added. Ignoring a tracked file does not untrack it, and history keeps every version.

import { ignoreLines, isDotenv } from '../src/dotenv.js';
import type { FileRule } from '../src/types.js';

const ROTATE = 'rotate every secret it held (history keeps them: deleting the file does not unleak them)';

const rule: FileRule = {
  kind: 'file',
  id: 'dotenv-tracked',
  description: 'Dotenv files that git tracks, that a commit adds, or that a commit in history added.',
  severity: 'critical',
  check({ path, mode, tracked }) {
    if (!isDotenv(path)) return null;
    const ignore = ignoreLines(path)[0]!;
    if (mode === 'staged') {
      return {
        message: 'This commit adds or changes a dotenv file: its keys would go into history, for anyone who can read the repository.',
        fix: `Unstage it (git restore --staged ${path}), add ${ignore} to .gitignore, and keep a .env.example with placeholders instead.`,
      };
    }
    if (mode === 'history') {
      return {
        message: 'A commit added this dotenv file: every key it held is in the repository history.',
        fix: `${ROTATE[0]!.toUpperCase()}${ROTATE.slice(1)}; then stop tracking it (git rm --cached ${path}, add ${ignore} to .gitignore), and rewrite history only if the repository was never shared.`,
      };
    }
    if (tracked !== true) return null;
    return { fix: `Stop tracking it (git rm --cached ${path}), add ${ignore} to .gitignore, and ${ROTATE}.` };
  },
  message: 'A dotenv file tracked by git: its keys are in the repository and its history (adding it to .gitignore now does not untrack it).',
  fix: 'Stop tracking it with git rm --cached <file>, add it to .gitignore, and rotate every secret it held (history keeps them).',
};

export default rule;
