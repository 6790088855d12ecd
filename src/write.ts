// Writes a file inside a repository without following a symbolic link: a repository could commit
// `.gitignore` or `.leakgate-baseline.json` as a link to a file elsewhere, and leakgate must never
// write outside the repository it was asked to fix.

import { closeSync, constants, lstatSync, openSync, writeSync } from 'node:fs';

export function writeInRepo(path: string, content: string, mode = 0o644): void {
  let isFile = true;
  try {
    isFile = lstatSync(path).isFile();
  } catch {
    // absent: created below
  }
  if (!isFile) throw new Error(`refusing to write ${path}: it is a symbolic link or not a regular file`);
  // O_NOFOLLOW also covers a link planted between the check and the open.
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0), mode);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
}
