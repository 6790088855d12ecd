// hardcoded-credential: a secret-looking literal bound to a name that means "secret", in any common
// language or config format; credentials in URLs; bearer tokens written into headers. Most secrets
// have no vendor prefix (an Azure OpenAI key is 32 hex digits, a password is anything), so the only
// signal is where they sit. The rule decides with several signals together (the name's words, the
// value's shape and randomness, the kind of file, the words on the line) and gives each finding a
// confidence; the vendor key rules win where they find the same secret (`fallback`).

import { lineAround, near, PROSE_PATH, TEST_PATH } from '../src/patterns.js';
import anthropic from './anthropic-api-key.js';
import groq from './groq-api-key.js';
import huggingface from './huggingface-token.js';
import openai from './openai-api-key.js';
import openrouter from './openrouter-api-key.js';
import perplexity from './perplexity-api-key.js';
import stripe from './stripe-secret-key.js';
import xai from './xai-api-key.js';
import { entropy, isPlaceholder } from '../src/secret.js';
import { type Candidate, type Confidence, CONFIDENCES, type ContentRule, type FollowedBy, type FollowStep, type Judgement } from '../src/types.js';

// ---------------------------------------------------------------------------------------------
// Patterns. Each starts at a secret word of a name (key, token, password...) and is anchored there
// (the y flag): the engine finds the words in one pass over the bytes and tries the pattern only
// where they occur, so that words this common cost little. In code, a secret is a quoted literal
// after the name and a separator (the code pattern). Config, shell and env files also hold
// unquoted values and forms of their own (XML, Kubernetes, Terraform, Dockerfile): the config
// pattern takes those, on those files only.

/** The words that start the secret part of a name (in any case); pw only after a separator (DB_PW: two letters are no keyword). */
const WORDS = ['key', 'secret', 'token', 'pass', 'pwd', 'auth', 'cred', 'bearer', '_pw', '-pw', '.pw'];
const WORD = `(?:${WORDS.map((w) => w.replace('.', '\\.')).join('|')})`;
/**
 * The keywords of the name patterns: the last words of the names that strengthOf takes for a secret
 * (api_key, clientSecret, DB_PASSWORD, secret_key_base...), each starting with one of WORDS, so
 * that the pattern tried where one occurs starts there. The name ends after it (NAME_END): of the
 * ~90,000 times these words occur in a sample of real code, 60% are inside a longer name (keys,
 * keyboard, tokenizer, author), which the judge would drop anyway.
 */
const LAST_WORDS = [
  'key', 'key_base', 'keybase', 'key-base', 'key_fallbacks', 'keyfallbacks', 'key-fallbacks',
  'secret', 'secrets', 'token', 'pass', 'password', 'passwd', 'passphrase', 'pwd', '_pw', '-pw', '.pw',
  'auth', 'authorization', 'creds', 'credential', 'credentials', 'bearer',
];
/** Where a name ends: trailing separators (API_KEY_), then a quote, bracket, space or separator. */
const NAME_END: FollowStep = { skip: '[_.\\-]', next: String.raw`[\\"'\])\s:=,|?>{]` };
/** Closing quotes and brackets of a quoted name: "api_key":, ["KEY"] =, getenv("KEY", ...). */
const CLOSE = String.raw`[\\"'\]\)]{0,4}`;
/**
 * Between name and value: assignment (with an optional type), properties, defaults and fallbacks,
 * with blanks between (`gap`, one run of them). In code the runs are bounded (aligned columns of up
 * to 64), so that all that may stand between is too (see CODE_FOLLOWS).
 */
const separator = (gap: string): string =>
  String.raw`${gap}(?::${gap}&?[\w<>\[\]?.]{1,64}${gap}|[ \t]${gap}(?:string|String|str)${gap})?(?:[:=,]|\|\||\?\?|\?:|=>|:=|\?=|\|\|=|\?\?=|[ \t]or|[ \t]to)${gap}(?:\[\]byte\()?\\?`;
const CODE_SEP = separator(String.raw`[ \t]{0,64}`);
/** Config forms besides: XML attributes and elements, Kubernetes env pairs, Terraform defaults, Dockerfile ENV. */
const CONFIG_SEP = [
  separator(String.raw`[ \t]{0,256}`),
  String.raw`[ \t]+value[ \t]*=[ \t]*`, // <add key="ApiKey" value="..."/>
  String.raw`[ \t]*\r?\n[ \t]*value[ \t]*:[ \t]*`, // - name: OPENAI_API_KEY / value: ...
  String.raw`[ \t]*\{[^}]{0,300}?\bdefault[ \t]*=[ \t]*`, // variable "api_key" { default = "..." }
  '>', // <password>...</password>
  String.raw`[ \t]+`, // ENV API_KEY value (the judge checks the line starts with ENV or ARG)
].join('|');
const QUOTE = "[\"'\\x60]";
/** ASCII whitespace, which ends an unquoted value (a no-break space or other Unicode space does not). */
const SPACE = String.raw`\t\n\v\f\r `;

/**
 * A name's word and the rest of the name after it (bounded: the pattern is tried at every word, and
 * an unbounded run would be read to its end from each, quadratic in a run of words); the closing
 * quotes and the separator after the name.
 */
const NAME_THEN = (sep: string): string => String.raw`(?<word>${WORD}[\w.\-]{0,64})(?<sep>${CLOSE}(?:${sep}))`;
/** A bearer scheme before a token: Authorization: "Bearer ...", -H "Authorization: Bearer ...". */
const BEARER = String.raw`(?<bearer>Bearer[ \t]+)?`;

/**
 * In code, after the name: what CLOSE and CODE_SEP hold (quotes, brackets, blanks, a type, a
 * separator; at most 4 + 64 + 194 + 3 + 64 + 8 bytes), then the value's opening quote.
 */
const CODE_FOLLOWS: FollowedBy = [NAME_END, { skip: String.raw`[\w \t\\()[\]<>?.&:=,|]`, max: 400, next: QUOTE }];
const CODE = new RegExp(String.raw`${NAME_THEN(CODE_SEP)}(?<open>${QUOTE})${BEARER}(?<secret>[^"'\x60${SPACE}\\]{6,300})\\?\k<open>`, 'iy');

/** A quoted value (any character but its quote), or an unquoted one (up to a delimiter), after its opening quote if any. */
const VALUE = String.raw`(?<secret>(?<=${QUOTE}(?:Bearer[ \t]+)?)[^"'\x60\r\n]{6,300}?(?=${QUOTE})|(?<!${QUOTE}(?:Bearer[ \t]+)?)[^${SPACE}"'\x60<>,;(){}\[\]]{6,300})\k<open>`;
const CONFIG = new RegExp(`${NAME_THEN(CONFIG_SEP)}(?<open>${QUOTE}?)${BEARER}${VALUE}`, 'iy');

/**
 * "Bearer" at the start of a value makes its name a secret's, whatever the name's last word
 * (auth_header, tokenHeader): these patterns start there and read the name, with a secret word
 * anywhere in it, and the separator before (backwards, in a lookbehind); the judge reads them as
 * it reads the patterns above.
 */
const BEFORE_BEARER = (sep: string, open: string): string => String.raw`(?<=(?<word>[\w$.\-]*${WORD}[\w.\-]{0,64})(?<sep>${CLOSE}(?:${sep}))(?<open>${open}))(?<bearer>Bearer[ \t]+)`;
const CODE_BEARER = new RegExp(String.raw`${BEFORE_BEARER(CODE_SEP, QUOTE)}(?<secret>[^"'\x60${SPACE}\\]{6,300})\\?\k<open>`, 'iy');
const CONFIG_BEARER = new RegExp(`${BEFORE_BEARER(CONFIG_SEP, `${QUOTE}?`)}${VALUE}`, 'iy');

/** A bearer token anywhere: setValue("Bearer ...", forHTTPHeaderField: "Authorization"), from_static("Bearer ..."). */
const BEARER_TOKEN = /\b(?<scheme>Bearer)[ \t]+(?<secret>[A-Za-z0-9._~+/-]{16,}=*)(?![A-Za-z0-9._~+/=$-])/g;

/** Password=...; in connection strings (SQL Server, Redis, Service Bus, storage accounts). */
const CONNECTION_STRING = /(?<=^|[;,"'\s?&])(?<conn>Password|password|PASSWORD|Pwd|pwd|SharedAccessKey|AccountKey)=(?<secret>(?<=[?&]\w+=)[^;,"'\s<>&]{6,200}|(?<![?&]\w+=)[^;,"'\s<>]{6,200})/g;

/** user:password@host in a URL; the judge checks a scheme precedes `://`. */
/** A character of a URL's user or password. */
const URL_PART = String.raw`[^${SPACE}:/?#@'"\x60<>()\\]`;
const URL_CREDENTIAL = new RegExp(String.raw`:\/\/(?<user>${URL_PART}{0,64}):(?<secret>${URL_PART}{3,128})@(?<host>[\w.-]*\w)`, 'y');

// ---------------------------------------------------------------------------------------------
// Names.

type NameStrength = 'strong' | 'medium' | 'weak';

const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'pass', 'pw']);
/** Words before "key" that make it a secret: api_key, secret_key, signing_key, ... */
const SECRET_KEY_QUALIFIERS = new Set(
  'api secret access private priv master auth signing sign encryption encrypt enc crypt crypto license licence subscription app application client service admin server webhook hmac jwt session consumer account rest openai azure anthropic claude gemini groq mistral cohere together replicate deepseek perplexity xai stripe aws gcp sendgrid mailgun twilio slack github gitlab'.split(' '),
);
/** Words before "key" that make it anything but a secret: public_key, primary_key, cache_key, ... */
const PLAIN_KEY_QUALIFIERS = new Set(
  'public pub primary foreign sort partition cache idempotency route routing map lookup dedup dedupe query storage state hot shortcut react i18n translation unique row object s3 file bucket redis dict hash group event metric metrics config setting settings field entity index column table message ssh gpg pgp site recaptcha publishable anon search browser ui local env request match item list node element dom component composite natural surrogate lock registry namespace prefix parent child menu tab nav form meta locale lang string label text id name path url cursor sequence version content type default instance provider model tracking analytics share sharing deploy'.split(
    ' ',
  ),
);
/** Words before "token" that make it anything but a credential: lexer tokens, pagination, tokenizer specials. */
const PLAIN_TOKEN_QUALIFIERS = new Set(
  'next page pagination continuation cancel cancellation csrf xsrf injection design lexer parser eof eos bos pad unk sep cls mask special start end max min num count stop sync resume color theme css style'.split(' '),
);
/** Last words of a name that hold something about a secret rather than the secret. */
const PLAIN_TAILS = new Set(
  'id ids url uri urls path paths file filename dir env name names field fields length len size type types count limit max min header headers prefix suffix pattern regex re label placeholder hint format version hash hashed digest expires expiry expiration ttl timeout policy mode enabled required provider store storage ref reference location endpoint host input column code param params var variable template message msg error errors class style icon index arn alias query selector event callback handler encoding algorithm alg scheme method source valid validity strength rule rules config options option schema prompt title description text button link visible visibility shown show toggle reset confirm confirmation changed change update updated reminder regexp validator validation'.split(
    ' ',
  ),
);
/** Whole names that mean a secret although their last word does not. */
const SECRET_NAMES = new Set(['secretkeybase', 'secretkeyfallbacks', 'djangosecretkey']);

/** [\w$.-] by character code: the characters of a name, read backwards from its word. */
const isNameChar = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24 || c === 0x2e || c === 0x2d;

/** words, per name met (names repeat: key, apiKey); dropped whole when it grows large. */
const wordsOf = new Map<string, readonly string[]>();
const cachedWords = (name: string): readonly string[] => {
  let w = wordsOf.get(name);
  if (w === undefined) {
    if (wordsOf.size >= 10_000) wordsOf.clear();
    wordsOf.set(name, (w = words(name)));
  }
  return w;
};

/** The words of a name's last dotted segment, lower-cased: OPENAI_API_KEY, apiKey, x-api-key. */
function words(name: string): string[] {
  const segment = name.split('.').filter(Boolean).pop() ?? '';
  return segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** How strongly a name means "secret"; null when it means something else (public_key, token_count). */
export const nameStrength = (name: string): NameStrength | null => strengthOf(words(name));

/** How strongly a name of these words (see words) means "secret". */
function strengthOf(w: readonly string[]): NameStrength | null {
  if (w.length === 0) return null;
  const joined = w.join('');
  if (SECRET_NAMES.has(joined)) return 'strong';
  if (w.some((x) => x === 'publishable' || x === 'anon' || x === 'public')) return null;
  const tail = w[w.length - 1]!;
  const before = w[w.length - 2];
  if (PLAIN_TAILS.has(tail)) return null;
  if (PASSWORD_WORDS.has(tail) || /(?:password|passwd)$/.test(tail)) return 'strong';
  if (tail === 'secret' || tail === 'secrets' || /(?:api|client|app|webhook|jwt|session|consumer|shared)secret$/.test(tail)) return 'strong';
  if (tail === 'credential' || tail === 'credentials' || tail === 'creds' || tail === 'bearer') return 'strong';
  if (/^(?:api|secret|access|auth|master|signing|encryption|private|client|app|admin|service|subscription)(?:key|token)$/.test(tail)) return 'strong';
  if (tail === 'token') {
    if (before !== undefined && PLAIN_TOKEN_QUALIFIERS.has(before)) return null;
    return 'strong';
  }
  if (tail === 'key' || tail === 'apikey') {
    if (tail === 'apikey') return 'strong';
    if (before === undefined) return 'weak';
    if (PLAIN_KEY_QUALIFIERS.has(before)) return null;
    return SECRET_KEY_QUALIFIERS.has(before) ? 'strong' : 'medium';
  }
  if (tail === 'auth' || tail === 'authorization') return 'medium';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Values.

type ValueShape = 'random' | 'password' | 'uuid';

const REFERENCE = /…|\.\.\.|^\$[A-Za-z_{(]|^%[A-Za-z_]\w*%$|^@[A-Za-z][\w.]*[(@]|^[*&][a-z_][a-z0-9_-]*$|^![A-Za-z]+$|\$\{|\{\{|\}\}|%[sdr(]|#\{|\{\d*\}|^<.*>$|^\[.*\]$|^ENC\[|\\|^\(/;
const STAND_IN =
  /^(?:changeme|change[-_]?it|secret|secrets|password\d*|passwd|pass|test|testing|tests|dummy|fake|mock|sample|foo|bar|baz|todo|tbd|none|null|nil|undefined|true|false|default|admin|root|guest|user|username|token|apikey|api[-_]key|hidden|masked|empty|unset|required|optional|string|value|secret[-_]?key|private[-_]?key|my[-_]?(?:secret|password|pass|key|token|api[-_]?key|app)\w{0,8}|not[-_]?set|n\/a)$/i;
const FAKE = String.raw`(?:fake|dummy|mock|sample|placeholder|not[-_]?real|invalid|foobar|lorem|example|test[-_]?(?:key|token|secret|password)|your|insert|replace|put[-_]?your)`;
/** Words saying a value is made up: anywhere in a short value, at the start or after a separator in a long one (random text holds "Mock" or "YOUR" by chance). */
const FAKE_WORDS = { short: new RegExp(FAKE, 'i'), long: new RegExp(String.raw`(?:^|[-_.:/])${FAKE}`, 'i') };
const saysFake = (v: string): boolean => (v.length < 16 ? FAKE_WORDS.short : FAKE_WORDS.long).test(v);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_A_SECRET_SHAPE =
  /^(?:[a-z][a-z0-9+.-]*:\/\/|[A-Za-z]:\\|sha(?:1|256|384|512)-|v?\d+(?:\.\d+)+(?:[-+][\w.]+)?$|\d+$|[^@\s]+@[^@\s]+\.[a-z]{2,}$)|\.(?:pem|key|crt|cer|p12|pfx|jks|json|ya?ml|txt|env|ini|conf|cfg|js|ts|py|html?|png|svg)$/i;

/** Words and identifiers: app-settings, ctrl+shift+down, passwordField, OPENAI_API_KEY, admin2024. */
function wordy(v: string): boolean {
  const parts = v
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  if (!parts.every((p) => /^[A-Za-z]+\d{0,4}$/.test(p) || /^\d{1,4}$/.test(p))) return false;
  // Random mixed case splits into short humps without vowels (Rl, Nh, Zm); words have them.
  const alpha = parts.map((p) => p.replace(/\d+$/, '')).filter((p) => p.length > 0);
  return alpha.filter((p) => !/[aeiouy]/i.test(p)).length <= 1 && alpha.join('').length >= 3 * alpha.length;
}

/** A file path: starts at a root, home or dot, and every segment is a word or short (a random base64 value may start with "/" too). */
function isPath(v: string): boolean {
  // Relative paths too, when they name a file: build/static/js/main.8f2c1a4b.js.map
  const relativeFile = /^[\w.-]+(?:\/[\w.-]+)+\.[A-Za-z][A-Za-z0-9]{0,4}$/.test(v) && /\.(?:[cm]?[jt]sx?|map|json|css|html?|ya?ml|md|txt|png|svg|py|go|rb|java|env|lock|toml|xml)$/.test(v);
  if (relativeFile) return true;
  if (!/^(?:\.{1,2}|~)?\//.test(v)) return false;
  return v.split('/').every((seg) => seg.length <= 16 || wordy(seg.replace(/\.[A-Za-z0-9]{1,5}$/, '')));
}

/** The text a base64 value encodes, when it is base64 of printable ASCII (a Kubernetes Secret's data); else null. */
function base64Text(v: string): string | null {
  if (v.length < 8 || v.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return null;
  const text = Buffer.from(v, 'base64').toString('latin1');
  return /^[\x20-\x7e]+$/.test(text) ? text : null;
}

/** What a value looks like, or null when it is no secret (a reference, a stand-in, a word, a path). */
export function valueShape(v: string): ValueShape | null {
  if (v.length < 6 || /\s/.test(v)) return null;
  // Letters alone, and too short to be random without digits (below): a word or an identifier.
  if (v.length < 24 && /^[A-Za-z]+$/.test(v)) return null;
  if (REFERENCE.test(v) || STAND_IN.test(v) || NOT_A_SECRET_SHAPE.test(v) || saysFake(v) || isPath(v)) return null;
  if (UUID.test(v)) return 'uuid';
  if (isPlaceholder(v)) return null;
  const decoded = base64Text(v);
  if (decoded !== null && (/\s/.test(decoded) || decoded.length < 6 || wordy(decoded) || saysFake(decoded) || STAND_IN.test(decoded))) return null;
  const letters = /[A-Za-z]/.test(v);
  const digits = /\d/.test(v);
  const symbols = /[^A-Za-z0-9]/.test(v);
  const bits = entropy(v);
  if (/^[0-9a-f]{32,}$/i.test(v) && bits >= 3) return 'random';
  if (v.length >= 16 && bits >= 3.3 && letters && digits && !wordy(v)) return 'random';
  if (v.length >= 24 && bits >= 4 && !wordy(v)) return 'random';
  if (v.length <= 64 && letters && (digits || symbols) && !wordy(v) && bits >= 2.5) return 'password';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Files and context.

const LOCKFILE =
  /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml|bun\.lockb?|go\.sum|Cargo\.lock|poetry\.lock|Pipfile\.lock|uv\.lock|Gemfile\.lock|composer\.lock|packages\.lock\.json|gradle\.lockfile|flake\.lock|mix\.lock|pubspec\.lock|Podfile\.lock|Package\.resolved)$/;
/** Documentation: prose, and HTML pages. */
const DOCS = (path: string): boolean => PROSE_PATH.test(path) || /\.html?$/i.test(path);
/** Files where a value may stand unquoted (config, shell, env files, docs); in code it is an expression. */
const CONFIG_FILES =
  /(?:^|\/)(?:\.env[^/]*|[^/.]*|Dockerfile[^/]*|Containerfile|Makefile|[^/]*\.(?:env|sh|bash|zsh|ksh|fish|ya?ml|ini|cfg|conf|config|properties|toml|xml|csproj|plist|tf|tfvars|hcl|dockerfile|envrc|npmrc|pypirc|netrc|service|desktop|example|sample|template|dist|local|bat|cmd|ps1))$/i;
const FAKE_CONTEXT = /\b(?:fake|dummy|mock(?:ed)?|example(?!\.(?:com|org|net)\b)|sample|placeholder|not[-_ ]?(?:a[-_ ]?)?real)\b/i;
/** The key rules whose shapes start with a vendor prefix, their patterns matched against a whole value. */
const WHOLE_KEYS = [anthropic, groq, huggingface, openai, openrouter, perplexity, stripe, xai].map((r) => ({
  rule: r,
  pattern: new RegExp(`^(?:${r.pattern.source})$`, r.pattern.flags.replace('g', '')),
}));
function isWholeKey(v: string): boolean {
  return WHOLE_KEYS.some(({ rule, pattern }) => {
    const match = pattern.exec(v);
    if (match === null) return false;
    return rule.judge === undefined || rule.judge({ secret: v, match, text: v, start: 0, end: v.length, path: '', frameworks: [] }) !== null;
  });
}
const VENDOR_SHAPED = /^(?:sk-(?:proj|svcacct|service|admin|None|ant|or)-|gsk_|xai-|pplx-|hf_|api_org_|AIza|[sr]k_(?:live|test)_)|T3BlbkFJ/;
const ENCRYPTED = /kind:\s*SealedSecret\b/;
/** Encrypted for the cluster or the vault: safe to commit by design (asked last, of what would be a finding: see the rule's judge). */
const encrypted = (c: Candidate): boolean => near(c.text, c.start, c.end, ENCRYPTED, 3000);
const AZURE = /azure|openai\.azure\.com|cognitiveservices/i;


const lower = (c: Confidence, by: number): Confidence | null => CONFIDENCES[CONFIDENCES.indexOf(c) + by] ?? null;

/** The confidence after the file's and the line's doubts: tests, docs, words such as "fake". */
function doubted(c: Confidence, path: string, line: string): Confidence | null {
  let by = 0;
  if (TEST_PATH.test(path)) by++;
  if (DOCS(path)) by++;
  if (FAKE_CONTEXT.test(line)) by += 2;
  return lower(c, by);
}

// ---------------------------------------------------------------------------------------------
// Messages and fixes.

const WHY = 'Anyone who can read this repository, or any copy or build of it, can use it.';

/** The environment variable name for a value bound to a name of these words (see words): apiKey -> API_KEY. */
const envName = (w: readonly string[]): string => (w.length > 0 ? w.join('_').toUpperCase() : 'SECRET');

/** How to read a secret in the language or format of `path`. */
function howToRead(path: string, env: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (/^\.env/.test(base) || ext === 'env') return `Keep real values only in an ignored .env (commit a .env.example with placeholders), and rotate this one: it is in the repository now.`;
  if (/^(?:Dockerfile|Containerfile)/.test(base) || ext === 'dockerfile') return `Pass it at run time (docker run -e ${env}) or as a build secret (RUN --mount=type=secret), never with ENV or ARG, which stay in the image layers.`;
  if (/^\.github\/workflows\//.test(path) || /(?:^|\/)\.gitlab-ci\.ya?ml$/.test(path)) return `Store it as a CI secret and reference it (\${{ secrets.${env} }} on GitHub Actions, a masked CI/CD variable on GitLab).`;
  const byExt: Record<string, string> = {
    js: `process.env.${env}`, mjs: `process.env.${env}`, cjs: `process.env.${env}`, jsx: `process.env.${env}`, ts: `process.env.${env}`, tsx: `process.env.${env}`, mts: `process.env.${env}`, cts: `process.env.${env}`,
    py: `os.environ["${env}"]`, ipynb: `os.environ["${env}"]`,
    go: `os.Getenv("${env}")`,
    java: `System.getenv("${env}")`, kt: `System.getenv("${env}")`, kts: `System.getenv("${env}")`, scala: `sys.env("${env}")`,
    cs: `Environment.GetEnvironmentVariable("${env}") or .NET user secrets`,
    php: `getenv('${env}')`,
    rb: `ENV.fetch("${env}")`,
    rs: `std::env::var("${env}")`,
    sh: `"$${env}" from the environment`, bash: `"$${env}" from the environment`, zsh: `"$${env}" from the environment`,
    tf: `a variable without a default, marked sensitive = true, set from TF_VAR_${env.toLowerCase()} or a secret manager`,
    tfvars: `TF_VAR_ variables or a secret manager, not a committed .tfvars`,
    yaml: `a Secret reference (Kubernetes valueFrom.secretKeyRef, your CI's secret store) rather than a literal`,
    yml: `a Secret reference (Kubernetes valueFrom.secretKeyRef, your CI's secret store) rather than a literal`,
  };
  if (ext === 'swift' || ext === 'm') return 'Do not ship it in the app at all: call your own backend, which holds the key; keep server keys in its environment or a secret manager.';
  const read = byExt[ext];
  return read
    ? `Rotate it, then read it from ${read} (an ignored .env in development) or a secret manager.`
    : `Rotate it, then load it from the environment (${env}) or a secret manager instead of writing it in the file.`;
}

// ---------------------------------------------------------------------------------------------
// The judge.

function judgeAssignment(c: Candidate): Judgement | null {
  const m = c.match;
  const g = m.groups!;
  // The name: the word the pattern starts at, after the rest of the identifier (OPENAI_API_ + KEY).
  let from = m.index;
  while (from > 0 && isNameChar(c.text.charCodeAt(from - 1))) from--;
  const name = c.text.slice(from, m.index) + g.word!;
  const nameWords = cachedWords(name);
  // "Bearer" before the value says it is a token, whatever the header's name says.
  const strength = g.bearer ? 'strong' : strengthOf(nameWords);
  if (strength === null) return null;
  const shape = valueShape(c.secret);
  if (shape === null) return null;
  const line = lineAround(c.text, c.start, c.end);
  if (g.open === '' && !CONFIG_FILES.test(c.path)) return null;
  const between = g.sep! + g.open!;
  // A comma separates a name from its value only after a quoted name: getenv("KEY", "value"), define('KEY', 'value').
  if (/^\S*?[ \t]*,/.test(between) && !/^["']/.test(between)) return null;
  // A bare space between name and value is a Dockerfile ENV/ARG or nothing (prose).
  if (/^[ \t]+$/.test(between) && !/^\s*(?:ENV|ARG)\s/.test(line)) return null;
  // An XML element's value ends at its closing tag.
  if (between.endsWith('>') && !c.text.startsWith('</', c.end)) return null;
  let confidence: Confidence | null;
  if (shape === 'random') confidence = strength === 'strong' ? 'high' : strength === 'medium' ? 'medium' : 'low';
  else if (shape === 'uuid') confidence = strength === 'strong' ? 'medium' : 'low';
  else confidence = strength === 'strong' && (/pass|pwd|secret|cred|auth/i.test(name) || nameWords.includes('pw')) ? 'medium' : 'low';
  // A name that says it is fake (FAKE_TOKEN, dummyPassword) or a test value (TEST_API_KEY).
  if (nameWords.some((w) => /^(?:fake|dummy|mock|mocked|example|sample|placeholder)$/.test(w))) return null;
  if (nameWords.includes('test')) confidence = lower(confidence, 1);
  confidence = confidence && doubted(confidence, c.path, line);
  if (confidence === null) return null;
  const env = envName(nameWords);
  const azure = AZURE.test(name) || (/^(?:[0-9a-f]{32}|[A-Za-z0-9]{84})$/.test(c.secret) && near(c.text, c.start, c.end, AZURE, 600));
  return {
    confidence,
    message: azure
      ? `Azure OpenAI key hardcoded in \`${name}\`. ${WHY} It calls your Azure OpenAI deployments on your subscription's bill.`
      : `Hardcoded credential in \`${name}\`. ${WHY}`,
    fix: azure
      ? `Regenerate the key in the Azure portal (Keys and Endpoint), then use Microsoft Entra ID (managed identity) or read the key from ${env} in the environment or Key Vault.`
      : howToRead(c.path, env),
  };
}

function judgeUrl(c: Candidate): Judgement | null {
  const m = c.match;
  if (!/[a-z][a-z0-9+.-]*$/i.test(c.text.slice(Math.max(0, m.index - 24), m.index))) return null;
  const user = m.groups!.user!;
  const password = c.secret;
  const host = m.groups!.host!.toLowerCase();
  if (password === user || /^(?:password|passwd|pass|pwd|secret|changeme|xxx+|\*+|user|username|root|admin|postgres|mysql|guest|test)$/i.test(password)) return null;
  const shape = valueShape(password);
  if (shape === null) return null;
  let confidence: Confidence | null = shape === 'random' ? 'high' : 'medium';
  if (/(?:^|\.)(?:example\.(?:com|org|net)|example|host|hostname|domain\.com|your[-_\w]*)$/.test(host)) confidence = lower(confidence, 1);
  confidence = confidence && doubted(confidence, c.path, lineAround(c.text, m.index, c.end));
  if (confidence === null) return null;
  return {
    confidence,
    // The user part may be a credential too (an API key as user name): name it only when it is a word.
    message: `Password in a URL (${user && user.length <= 32 && wordy(user) ? `user ${user}, ` : ''}host ${host}). ${WHY}`,
    fix: 'Change the password, then build the URL at run time from an environment variable or a secret manager (e.g. DATABASE_URL set in the environment, never committed).',
  };
}

/** A token found by its own shape (after Bearer, in a connection string), whatever name holds it. */
function judgeToken(c: Candidate, what: string): Judgement | null {
  const shape = valueShape(c.secret);
  if (shape === null || shape === 'uuid') return null;
  const confidence = doubted(shape === 'random' ? 'high' : 'medium', c.path, lineAround(c.text, c.start, c.end));
  if (confidence === null) return null;
  return {
    confidence,
    message: `${what}. ${WHY}`,
    fix: 'Rotate it, then read it from the environment or a secret manager when the request or connection is made.',
  };
}

const rule: ContentRule = {
  id: 'hardcoded-credential',
  description: 'Secrets assigned in code and config (any language), bearer tokens written into headers, and passwords in URLs.',
  severity: 'high',
  keywords: LAST_WORDS,
  followedBy: CODE_FOLLOWS,
  pattern: CODE,
  variants: [
    { keywords: ['bearer'], pattern: CODE_BEARER },
    { keywords: ['bearer'], pattern: CONFIG_BEARER, paths: CONFIG_FILES },
    { keywords: LAST_WORDS, followedBy: [NAME_END], pattern: CONFIG, paths: CONFIG_FILES },
    // user:password@host: the user part (no colon) and its colon must follow.
    { keywords: ['://'], followedBy: [{ skip: URL_PART, max: 64, next: ':' }], pattern: URL_CREDENTIAL },
    { keywords: ['Bearer '], pattern: BEARER_TOKEN },
    { keywords: ['Password=', 'password=', 'PASSWORD=', 'Pwd=', 'pwd=', 'SharedAccessKey=', 'AccountKey='], pattern: CONNECTION_STRING },
  ],
  fallback: true,
  judge(c) {
    if (LOCKFILE.test(c.path)) return null;
    // The key rules are the authority on their vendors' shapes: a value with a vendor's prefix that
    // is no whole key of that shape is truncated or made up (sk-proj-xxxx..., a test fixture's near
    // miss). A whole key stays: its own rule wins the overlap when it runs, and --rules may leave it out.
    if (VENDOR_SHAPED.test(c.secret) && !isWholeKey(c.secret)) return null;
    const g = c.match.groups!;
    const verdict =
      g.scheme !== undefined
        ? judgeToken(c, 'Bearer token written into an Authorization header')
        : g.conn !== undefined
          ? judgeToken(c, `${g.conn} in a connection string`)
          : g.host !== undefined
            ? judgeUrl(c)
            : judgeAssignment(c);
    return verdict === null || encrypted(c) ? null : verdict;
  },
  message: `Hardcoded credential. ${WHY}`,
  fix: 'Rotate it, then load it from the environment or a secret manager instead of writing it in the file.',
};

export default rule;
