// dotenv-not-ignored: a dotenv file that git would commit with the next `git add .`: not tracked
// yet, and not ignored. Judged only inside git (git decides what it ignores); templates such as
// .env.example are meant to be committed and are not findings (their contents are still scanned).

import { ignoreLines, isDotenv } from '../src/dotenv.js';
import type { FileRule } from '../src/types.js';

const rule: FileRule = {
  kind: 'file',
  id: 'dotenv-not-ignored',
  description: 'Dotenv files (.env, .env.local, .envrc, config.env…) that git does not ignore: one `git add .` from a leak.',
  severity: 'high',
  check({ path, mode, tracked }) {
    if (mode !== 'worktree' || tracked !== false || !isDotenv(path)) return null;
    const lines = ignoreLines(path);
    return {
      fix: `Add to the repository's .gitignore the lines: ${lines.join('  ')} (leakgate scan --fix does it), then confirm with git check-ignore ${path}. Keep a .env.example with placeholders for others.`,
    };
  },
  message:
    'A dotenv file that git does not ignore: the next `git add .` commits it, and every key in it is then in history for anyone who can read the repository.',
  fix: 'Add the file to .gitignore (leakgate scan --fix does it).',
};

export default rule;
