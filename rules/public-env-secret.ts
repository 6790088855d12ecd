// public-env-secret: a variable whose name means "secret" with a prefix that a framework inlines
// into client code (NEXT_PUBLIC_, VITE_, REACT_APP_, EXPO_PUBLIC_…), where it is defined (any .env
// file, ignored or not; CI and Docker build settings) and where code reads it. Names that are
// public by design (URLs, analytics ids, Firebase web config, publishable keys) are not findings.

import { inComment, isClientOutput, sideOf } from '../src/client.js';
import { TEST_PATH } from '../src/patterns.js';
import { isPlaceholder } from '../src/secret.js';
import { type Candidate, type ContentRule, type Judgement, SEVERITIES, type Severity } from '../src/types.js';

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
  PUBLIC_: 'SvelteKit',
};

const NAME = new RegExp(`(?<![A-Za-z0-9_$])(?:${Object.keys(PREFIXES).join('|')})[A-Z0-9_]*[A-Z0-9](?![A-Za-z0-9_])`, 'g');

/** What the rest of a name (after its prefix) says the value is. */
type Meaning = 'llm' | 'secret' | 'key';

/** Words that name a secret by themselves. */
const SECRET_WORD = /_(?:SECRET|SECRETS|PASSWORD|PASSWD|PWD|PRIVATE|CREDENTIAL|CREDENTIALS)(?:_|$)/;
/** Words that make a key or token a privileged one, whatever the vendor: SERVICE_ROLE_KEY, SENTRY_AUTH_TOKEN, POSTHOG_PERSONAL_API_KEY. */
const PRIVILEGED = /_(?:SERVICE|SERVICE_ROLE|PERSONAL|MANAGEMENT|ADMIN|AUTH|MASTER|SIGNING|WEBHOOK|ROOT)_/;
/** The last word of names that hold settings, not secrets: OPENAI_BASE_URL, OPENAI_MODEL, OPENAI_ORG_ID. */
const SETTING = /_(?:URL|URI|URLS|HOST|DOMAIN|ENDPOINT|ORIGIN|PATH|SITE|NAME|TITLE|ENV|ENVIRONMENT|MODE|VERSION|PORT|REGION|MODEL|MODELS|ID|IDS|DSN|BUCKET|LOCALE|LANG|THEME|ENABLED|DISABLED|DEBUG|TIMEOUT|LIMIT|COUNT|MAX|MIN|SIZE|PREFIX|HEADER|TYPE|PROVIDER|FLAG|FLAGS|LEVEL|LENGTH|NAME_KEY)$/;
/** Words of names that are public by design. */
const PUBLIC_WORD = /_(?:ANON|ANON_KEY|PUBLISHABLE|PUBLISHABLE_KEY|PUBLIC|PUBLIC_KEY|SITE_KEY|SITEKEY|CLIENT_ID|CLIENT_KEY|CLIENT_SIDE_KEY|CLIENT_TOKEN|BROWSER_KEY|SDK_KEY|MEASUREMENT|TRACKING|PK)(?:_|$)/;
/** Services whose browser keys are public by design (restricted by domain, or write-only). */
const PUBLIC_VENDOR =
  /_(?:FIREBASE|MAPBOX|GOOGLE_MAPS|MAPS|RECAPTCHA|HCAPTCHA|TURNSTILE|SENTRY|POSTHOG|SEGMENT|AMPLITUDE|MIXPANEL|ALGOLIA_SEARCH|GA|GTM|GOOGLE_ANALYTICS|HOTJAR|PLAUSIBLE|UMAMI|INTERCOM|CRISP|PUSHER|ONESIGNAL|LOGROCKET|BUGSNAG|DATADOG_CLIENT|DATADOG_RUM|CLERK|STRIPE_PK|VAPID|SUPABASE|SUPABASE_ANON|GOOGLE_CLIENT|AUTH0_CLIENT|MAPTILER|CESIUM|STADIA|LAUNCHDARKLY_CLIENT|GROWTHBOOK_CLIENT|STATSIG_CLIENT|FATHOM|HEAP|FULLSTORY|RUDDERSTACK|BOTD|FINGERPRINT|DATADOME|CONFIGCAT|HYPERTUNE|MAGIC|STOREFRONT|SHOPIFY_STOREFRONT)(?:_|$)/;
const LLM = /_(?:OPENAI|ANTHROPIC|CLAUDE|GROQ|OPENROUTER|XAI|GROK|PERPLEXITY|PPLX|GEMINI|GOOGLE_AI|GOOGLE_GENAI|MISTRAL|COHERE|DEEPSEEK|TOGETHER|REPLICATE|HUGGINGFACE|HF|FIREWORKS|AZURE_OPENAI|GPT|CHATGPT|LLM|AI|ELEVENLABS|DEEPGRAM|ASSEMBLYAI|VOYAGE|CEREBRAS)(?:_|$)/;
const KEY_WORD = /_(?:KEY|KEYS|APIKEY|API_KEY|TOKEN|TOKENS|ACCESS_KEY|ACCESS_TOKEN|AUTH|AUTH_TOKEN|BEARER)(?:_|$)/;

/** The meaning of a name's rest (`_OPENAI_API_KEY`, with a leading underscore), or null when it is no secret. */
export function meaningOf(rest: string): Meaning | null {
  if (SETTING.test(rest)) return null;
  if (SECRET_WORD.test(rest) || (PRIVILEGED.test(rest) && KEY_WORD.test(rest))) return 'secret';
  if (PUBLIC_WORD.test(rest) || PUBLIC_VENDOR.test(rest)) return null;
  if (!KEY_WORD.test(rest)) return null;
  return LLM.test(rest) ? 'llm' : 'key';
}

/** A severity `by` steps lower (low at the least). */
const lowered = (s: Severity, by = 1): Severity => SEVERITIES[Math.min(SEVERITIES.indexOf(s) + by, SEVERITIES.length - 1)]!;

/** A read of the variable: `process.env.X`, `process.env["X"]`, `import.meta.env.X`, `env.X`, `%X%`. */
const READ_BEFORE = /(?:process\.env\.|process\.env\[\s*['"`]|import\.meta\.env\.|\benv\.|\$env\.|%)$/;
/** A definition: `X=`, `X: `, `"X": `, `ENV X`, `ARG X`, `export X=`, `-e X=`, `--build-arg X=`. */
const DEFINED_AFTER = /^['"]?\s*(?:=|:(?!:))/;
const DEFINED_BEFORE = /(?:^|\s)(?:ENV|ARG)\s+$/;
const SCHEMA = /^['"]?\s*:\s*(?:z|v|t|yup|Joi|s|Type)\.|^['"]?\s*\??:\s*(?:string|number|boolean|undefined)\b/;

function judge(c: Candidate): Judgement | null {
  const { path, text, start, end, secret: name } = c;
  // Built output is client-bundle-secret's; a type declaration (vite-env.d.ts) holds no value.
  if (isClientOutput(path, () => c.frameworks) || path.endsWith('.d.ts')) return null;
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
  const sveltekit = c.frameworks.includes('sveltekit') || /\$env\//.test(line);
  if (prefix === 'PUBLIC_' && !sveltekit && !c.frameworks.includes('astro')) return null;
  // Nuxt sends runtimeConfig.public to every page: a variable mapped into it is read by the client.
  const nuxtPublic = /(?:^|\/)nuxt\.config\.[cm]?[jt]s$/.test(path) && /\bpublic\s*:\s*\{[^}]*$/.test(text.slice(Math.max(0, start - 400), start));
  const side = nuxtPublic ? 'client' : sideOf(path, text, start, c.frameworks);
  if (side === 'text' || inComment(text, start)) return null;
  const framework = prefix === 'PUBLIC_' && !sveltekit ? 'Astro' : PREFIXES[prefix]!;
  const what = meaning === 'llm' ? 'an AI API key' : meaning === 'secret' ? 'a secret' : 'an API key or token';
  const base: Severity = meaning === 'key' ? 'high' : 'critical';
  // Tests name variables as data (stories are no tests: a built Storybook ships them); generic key
  // names may belong to services that want them public.
  const confidence = TEST_PATH.test(path) && !/\.stories\.[a-z]+$/.test(path) ? ('low' as const) : meaning === 'key' ? ('medium' as const) : undefined;
  const fix = `Rename it without the public prefix (${name.slice(prefix.length)}), read it only in server code (an API route or server action that makes the call and returns only the result), and rotate the value if a build has shipped it.`;
  const defined = !read && (DEFINED_AFTER.test(after) || DEFINED_BEFORE.test(before));
  // Any other mention (an error message, a list of names for a deploy button or turbo.json) is neither.
  if (!read && !defined) return null;
  if (defined) {
    // A schema or a type (zod, valibot, `: string`) declares the variable; its reads are reported.
    if (SCHEMA.test(after)) return null;
    const value = valueOf(after);
    // Publishable keys (pk_…) are public by design whatever the name says.
    if (value !== null && /^pk[_.]/.test(value)) return null;
    return {
      severity: lowered(base),
      // A generic key name counts only with a value set (a template line is a guess at a service's design).
      ...(confidence ? { confidence: meaning === 'key' && value === null && confidence === 'medium' ? ('low' as const) : confidence } : {}),
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
    severity: lowered(base, side === 'client' ? 0 : side === 'server' ? 2 : 1),
    // A generic key read: many services hand out browser keys (SDK keys, client keys) under such names.
    ...(confidence ? { confidence: meaning === 'key' && confidence === 'medium' ? ('low' as const) : confidence } : {}),
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
