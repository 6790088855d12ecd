// public-env-secret: a variable whose name means "secret" with a prefix that a framework inlines
// into client code (NEXT_PUBLIC_, VITE_, REACT_APP_, EXPO_PUBLIC_…), where it is defined (any .env
// file, ignored or not; CI and Docker build settings) and where code reads it. Names that are
// public by design (URLs, analytics ids, Firebase web config, publishable keys) are not findings.

import { inComment, isClientOutput, sideOf } from '../src/client.js';
import { TEST_PATH } from '../src/patterns.js';
import { isPlaceholder } from '../src/secret.js';
import type { Candidate, ContentRule, Judgement, Severity } from '../src/types.js';

/** Which framework inlines each prefix, for the message. */
const PREFIXES: Readonly<Record<string, string>> = {
  NEXT_PUBLIC_: 'Next.js',
  EXPO_PUBLIC_: 'Expo',
  NUXT_PUBLIC_: 'Nuxt (runtimeConfig.public)',
  VITE_: 'Vite',
  REACT_APP_: 'Create React App',
  GATSBY_: 'Gatsby',
  VUE_APP_: 'Vue CLI',
  STORYBOOK_: 'Storybook',
  PUBLIC_: 'SvelteKit and Astro',
};

const NAME = new RegExp(`(?<![A-Za-z0-9_$])(?:${Object.keys(PREFIXES).join('|')})[A-Z0-9_]*[A-Z0-9](?![A-Za-z0-9_])`, 'g');

/** What the rest of a name (after its prefix) says the value is. */
type Meaning = 'llm' | 'secret' | 'key';

const SECRET_WORD = /^(?:SECRET|SECRETS|PASSWORD|PASSWD|PWD|PASS|PRIVATE|CREDENTIAL|CREDENTIALS|SERVICE_ROLE|SERVICEROLE|ADMIN_KEY|ADMIN_TOKEN|MASTER_KEY|SIGNING_KEY|WEBHOOK_SECRET)$/;
/** The last word of names that hold settings, not secrets: OPENAI_BASE_URL, OPENAI_MODEL, OPENAI_ORG_ID. */
const SETTING = /_(?:URL|URI|URLS|HOST|DOMAIN|ENDPOINT|ORIGIN|PATH|SITE|NAME|TITLE|ENV|ENVIRONMENT|MODE|VERSION|PORT|REGION|MODEL|MODELS|ID|IDS|DSN|BUCKET|LOCALE|LANG|THEME|ENABLED|DISABLED|DEBUG|TIMEOUT|LIMIT|COUNT|MAX|MIN|SIZE|PREFIX|HEADER|TYPE|PROVIDER|FLAG|FLAGS|LEVEL)$/;
/** Words of names that are public by design. */
const PUBLIC_WORD = /_(?:ANON|ANON_KEY|PUBLISHABLE|PUBLISHABLE_KEY|PUBLIC|PUBLIC_KEY|SITE_KEY|SITEKEY|CLIENT_ID|MEASUREMENT|TRACKING|PK)(?:_|$)/;
/** Services whose browser keys are public by design (restricted by domain, or write-only). */
const PUBLIC_VENDOR =
  /_(?:FIREBASE|MAPBOX|GOOGLE_MAPS|MAPS|RECAPTCHA|HCAPTCHA|TURNSTILE|SENTRY|POSTHOG|SEGMENT|AMPLITUDE|MIXPANEL|ALGOLIA_SEARCH|GA|GTM|GOOGLE_ANALYTICS|HOTJAR|PLAUSIBLE|UMAMI|INTERCOM|CRISP|PUSHER|ONESIGNAL|LOGROCKET|BUGSNAG|DATADOG_CLIENT|DATADOG_RUM|CLERK|STRIPE_PK|VAPID|SUPABASE|SUPABASE_ANON|GOOGLE_CLIENT|AUTH0_CLIENT|MAPTILER|CESIUM|STADIA|LAUNCHDARKLY_CLIENT|GROWTHBOOK_CLIENT|STATSIG_CLIENT|FATHOM|HEAP|FULLSTORY|RUDDERSTACK)(?:_|$)/;
const LLM = /_(?:OPENAI|ANTHROPIC|CLAUDE|GROQ|OPENROUTER|XAI|GROK|PERPLEXITY|PPLX|GEMINI|GOOGLE_AI|GOOGLE_GENAI|MISTRAL|COHERE|DEEPSEEK|TOGETHER|REPLICATE|HUGGINGFACE|HF|FIREWORKS|AZURE_OPENAI|GPT|CHATGPT|LLM|AI|ELEVENLABS|DEEPGRAM|ASSEMBLYAI|VOYAGE|CEREBRAS)(?:_|$)/;
const KEY_WORD = /_(?:KEY|KEYS|APIKEY|API_KEY|TOKEN|TOKENS|ACCESS_KEY|ACCESS_TOKEN|AUTH|AUTH_TOKEN|BEARER)(?:_|$)/;

/** The meaning of a name's rest (`_OPENAI_API_KEY`, with a leading underscore), or null when it is no secret. */
export function meaningOf(rest: string): Meaning | null {
  const words = rest.slice(1);
  const secret = words.split('_').some((w, i, all) => SECRET_WORD.test(w) || SECRET_WORD.test(`${w}_${all[i + 1] ?? ''}`));
  if (secret) return 'secret';
  if (SETTING.test(rest) || PUBLIC_WORD.test(rest) || PUBLIC_VENDOR.test(rest)) return null;
  if (!KEY_WORD.test(rest)) return null;
  return LLM.test(rest) ? 'llm' : 'key';
}

const LOWER: Readonly<Record<Severity, Severity>> = { critical: 'high', high: 'medium', medium: 'low', low: 'low' };

/** A read of the variable: `process.env.X`, `process.env["X"]`, `import.meta.env.X`, `env.X`, `%X%`. */
const READ_BEFORE = /(?:process\.env\.|process\.env\[\s*['"`]|import\.meta\.env\.|\benv\.|\$env\.|%)$/;
/** A definition: `X=`, `X: `, `"X": `, `ENV X`, `ARG X`, `export X=`, `-e X=`, `--build-arg X=`. */
const DEFINED_AFTER = /^['"]?\s*(?:=|:(?!:))/;
const DEFINED_BEFORE = /(?:^|\s)(?:ENV|ARG)\s+$/;

function judge(c: Candidate): Judgement | null {
  const { path, text, start, end, secret: name } = c;
  if (isClientOutput(path)) return null; // built output: the key rules and client-bundle-secret speak there
  const prefix = Object.keys(PREFIXES).find((p) => name.startsWith(p))!;
  const meaning = meaningOf(name.slice(prefix.length - 1));
  if (meaning === null) return null;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  // process.env.X, import.meta.env.X; `const { X } = import.meta.env`; `import { X } from '$env/static/public'`.
  const read = READ_BEFORE.test(before) || /\}\s*=\s*(?:process\.env|import\.meta\.env)\b/.test(line) || /\$env\/(?:static|dynamic)\/public/.test(text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd + 200));
  // PUBLIC_ alone is a public prefix only in SvelteKit and Astro (elsewhere PUBLIC_KEY is just a name).
  if (prefix === 'PUBLIC_' && !read && !c.frameworks.some((f) => f === 'sveltekit' || f === 'astro') && !/(?:^|\/)\.env[^/]*$/.test(path)) return null;
  const side = sideOf(path, text, start, c.frameworks);
  if (side === 'text' || inComment(text, start)) return null;
  const framework = PREFIXES[prefix]!;
  const what = meaning === 'llm' ? 'an AI API key' : meaning === 'secret' ? 'a secret' : 'an API key or token';
  const base: Severity = meaning === 'key' ? 'high' : 'critical';
  // Tests name variables as data; generic key names may belong to services that want them public.
  const confidence = TEST_PATH.test(path) ? ('low' as const) : meaning === 'key' ? ('medium' as const) : undefined;
  const fix = `Rename it without the public prefix (${name.slice(prefix.length)}), read it only in server code (an API route or server action that makes the call and returns only the result), and rotate the value if a build has shipped it.`;
  const defined = !read && (DEFINED_AFTER.test(after) || DEFINED_BEFORE.test(before));
  // A use of a SvelteKit import: the import line is the read, reported once.
  if (!read && !defined && /\$env\/(?:static|dynamic)\/public/.test(text)) return null;
  if (defined) {
    const value = valueOf(after);
    return {
      severity: LOWER[base],
      ...(confidence ? { confidence } : {}),
      secret: value,
      message: `${name} holds ${what}, but its ${prefix} prefix tells ${framework} to inline the value into client code wherever it is read: the value then ships to every browser. A secret never gets a public prefix.`,
      fix,
    };
  }
  const where =
    side === 'client'
      ? `Client code reads ${name}: ${framework} replaces it with the value itself at build time (the ${prefix} prefix asks it to), so ${what} is in the JavaScript every visitor downloads.`
      : side === 'server'
        ? `Server code reads ${name}; its ${prefix} prefix still lets ${framework} inline the value into any client code that reads it, now or later.`
        : `Code reads ${name}, ${what} with the ${prefix} prefix, which ${framework} inlines into client code.`;
  return {
    severity: side === 'client' ? base : side === 'server' ? LOWER[LOWER[base]] : LOWER[base],
    ...(confidence ? { confidence } : {}),
    secret: null,
    message: where,
    fix,
  };
}

/** The value a definition gives (`= sk-…`, `: "…"`), or null for none, a placeholder, a reference or a template. */
function valueOf(after: string): string | null {
  const m = /^['"]?\s*[=:]\s*(['"]?)([^'"\s,;#]+)\1/.exec(after);
  const value = m?.[2];
  if (!value || value.length < 8 || /^[$%{<\\]/.test(value) || /\$\{|\{\{/.test(value) || /^(?:process|import|env|null|undefined|true|false)\b/.test(value) || isPlaceholder(value)) return null;
  return value;
}

const rule: ContentRule = {
  id: 'public-env-secret',
  description: 'Secret-meaning variables with a client-public prefix (NEXT_PUBLIC_, VITE_, REACT_APP_, EXPO_PUBLIC_…), defined or read: the build ships them to browsers.',
  severity: 'critical',
  keywords: ['PUBLIC_', 'VITE_', 'REACT_APP_', 'GATSBY_', 'VUE_APP_', 'STORYBOOK_'],
  pattern: NAME,
  minEntropy: 0,
  judge,
  message: 'A secret in a variable with a client-public prefix: the build inlines it into client code.',
  fix: 'Rename it without the public prefix, read it only in server code, and rotate the value if a build has shipped it.',
};

export default rule;
