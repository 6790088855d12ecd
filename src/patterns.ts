// Building blocks shared by the rules' patterns: token boundaries that also hold inside escaped
// strings (JSON, notebooks, source maps) and URL-encoded text, and a look at the words around a match.
// Pure; no I/O.

/**
 * Start of a token: the start of the text, a character that cannot be part of a key, an escape
 * such as `\n` in a JSON string, a percent-encoded byte (`%3D` in a URL), or a shell default
 * (`${KEY:-sk-…}`).
 */
export const TOKEN_START = String.raw`(?<=^|[^A-Za-z0-9_\-]|\\[nrt]|%[0-9A-Fa-f]{2}|:-)`;

/** End of a token: no key character follows. */
export const TOKEN_END = String.raw`(?![A-Za-z0-9_\-])`;

/** A global regex for one key shape, with the secret bounded as a whole token. */
export function tokenPattern(body: string, flags = 'g'): RegExp {
  return new RegExp(`${TOKEN_START}(?<secret>${body})${TOKEN_END}`, flags);
}

/** True when `words` occurs within `radius` characters either side of [start, end) in `text`. */
export function near(text: string, start: number, end: number, words: RegExp, radius: number): boolean {
  return words.test(text.slice(Math.max(0, start - radius), Math.min(text.length, end + radius)));
}

/** Characters either side of a match that lineAround reads at most. */
export const LINE_REACH = 1000;

/**
 * The line (or lines) of `text` holding [start, end), without its line break, and of it at most
 * LINE_REACH characters either side: a minified file's one line may be megabytes long and hold
 * thousands of matches, each of which would read all of it.
 */
export function lineAround(text: string, start: number, end: number): string {
  const lo = Math.max(0, start - LINE_REACH);
  const from = lo + text.slice(lo, start).lastIndexOf('\n') + 1;
  const after = text.slice(end, end + LINE_REACH);
  const to = after.indexOf('\n');
  return text.slice(from, end + (to === -1 ? after.length : to));
}

/** Test code, fixtures and mocks: what they hold is rarely live, and never shipped. */
export const TEST_PATH = /(?:^|\/)(?:tests?|__tests__|spec|specs|fixtures?|__fixtures__|testdata|test-data|__mocks__|mocks?)\/|[._-](?:test|spec|stories)\.[a-z]+$|_test\.(?:go|py|rb)$|(?:^|\/)test_[^/]*\.py$/i;

/** Prose: documentation files, where a name or a call is advice, not a use. */
export const PROSE_PATH = /\.(?:md|mdx|markdown|rst|adoc|asciidoc|txt)$/i;
