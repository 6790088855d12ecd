// browser-llm-client: an LLM API called from client code, where any visitor can read the key: an SDK
// told to run in the browser (`dangerouslyAllowBrowser: true`), a Gemini SDK client, or a request to
// an LLM API host with a key. Which code is client code comes from client.ts (path, framework,
// directives). The severity follows where the key comes from: a literal or a served global
// (critical), a public env variable or anything else (high), the user's own key (low).

import { inComment, PUBLIC_ENV_READ, type Side, sideOf } from '../src/client.js';
import type { Candidate, ContentRule, Judgement, Severity } from '../src/types.js';

const HOSTS = [
  'api.openai.com',
  'api.anthropic.com',
  'api.groq.com',
  'openrouter.ai/api',
  'api.x.ai',
  'api.perplexity.ai',
  'generativelanguage.googleapis.com',
  'api.deepseek.com',
  'api.mistral.ai',
  'api.together.xyz',
  'api.together.ai',
  'api.cohere.ai',
  'api.cohere.com',
  'api-inference.huggingface.co',
  'router.huggingface.co',
  'api.fireworks.ai',
  'openai.azure.com',
  'api.cerebras.ai',
];
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const SDK_FLAG = String.raw`\bdangerouslyAllowBrowser\s*:\s*(?:true|!0)\b`;
const GEMINI_SDK = String.raw`\bnew\s+GoogleGen(?:erative)?AI\s*\(`;
const API_URL = String.raw`(?:https?|wss?)://(?:[a-z0-9-]+\.)?(?:${HOSTS.map(escape).join('|')})[^\s'"\`<>)\\$]*`;

/** Where the key of a call comes from, judged from the text that supplies it. */
type Source = 'literal' | 'served' | 'public-env' | 'user' | 'unknown' | 'ephemeral';

const USER_KEY =
  /localStorage|sessionStorage|SecureStore|AsyncStorage|useState|useLocalStorage|\bprompt\(|\.value\b|\bsettings\b|\buser(?:Key|ApiKey|_api_key|Provided)|\bbyok\b|your own (?:api )?key|getItem\(|\bprops\.|\bargs?\.|\bparameters\.|\boptions\.|\bopts\./i;
/** A short-lived token from the app's own server (OpenAI Realtime's client_secret): the documented browser design. */
const EPHEMERAL = /client_secret|ephemeral/i;
/** A quoted token of 20 characters or more, with letters and digits (not a header or model name). */
const LITERAL_KEY = /['"`](?:Bearer\s+)?(?=[A-Za-z_\-]*\d)(?=[\d_\-]*[A-Za-z])[A-Za-z0-9_\-]{20,}['"`]/;
const SERVED = /\bwindow\.|\bglobalThis\./;

/** Classifies the text that supplies a key: a literal, a served global, a public env read, the user's own, or an ephemeral token. */
function sourceOf(supply: string): Source {
  if (EPHEMERAL.test(supply)) return 'ephemeral';
  if (PUBLIC_ENV_READ.test(supply)) return 'public-env';
  if (SERVED.test(supply)) return 'served';
  if (USER_KEY.test(supply)) return 'user';
  if (LITERAL_KEY.test(supply)) return 'literal';
  return 'unknown';
}

/** What supplies the key near a call: the `apiKey` option, or the Authorization / x-api-key header or `key=` query. */
const KEY_SUPPLY = /\b(?:apiKey|api_key|key)\s*[:=]\s*([^\n,}]+)|\bapiKey\s*[,}\n]|(?:Authorization|x-api-key|api-key|xi-api-key)['"]?\s*:\s*([^\n},]+)|[?&]key=([^\n'"`&]+)/gi;

/** The key source for a call at `at`: the supply near it, followed once through a variable it names. */
function keySource(text: string, at: number, span: readonly [number, number]): Source | null {
  const region = text.slice(Math.max(0, at - span[0]), at + span[1]);
  let found: Source | null = null;
  for (const m of region.matchAll(KEY_SUPPLY)) {
    const supply = (m[1] ?? m[2] ?? m[3] ?? 'apiKey').trim();
    if (/^(?:string|undefined|null|any)\b/.test(supply)) continue; // a type annotation, not a value
    let source = sourceOf(supply);
    if (source === 'unknown') {
      // A variable: judge what it was assigned (const apiKey = localStorage.getItem(…)).
      const name = /([A-Za-z_$][\w$]*)\s*$/.exec(supply.replace(/[\s,;)]+$/, '').replace(/['"`]$/, '').replace(/^.*\$\{/, '').replace(/\}.*$/, ''))?.[1];
      const def = name ? new RegExp(`(?:\\b${escape(name)}\\s*[=:]|\\[\\s*${escape(name)}\\s*,)\\s*([^\\n;]+)`).exec(text) : null;
      if (def) source = sourceOf(def[0]);
    }
    if (found === null || rank(source) < rank(found)) found = source;
  }
  return found;
}

/** The key source of an SDK constructor that takes the key as its argument: `new GoogleGenerativeAI(key)`. */
function argumentSource(text: string, open: number): Source {
  const arg = text.slice(open, text.indexOf(')', open) === -1 ? open + 200 : text.indexOf(')', open));
  return /apiKey/.test(arg) ? (keySource(text, open, [0, 300]) ?? 'unknown') : (keySource(`key: ${arg}`, 0, [0, 300]) ?? 'unknown');
}

/** Which source wins when several supply a key near a call: the worst known one; unknown only when nothing is known. */
const ORDER: readonly Source[] = ['literal', 'served', 'public-env', 'user', 'ephemeral', 'unknown'];
const rank = (s: Source): number => ORDER.indexOf(s);

const SEVERITY: Record<Exclude<Source, 'ephemeral'>, Severity> = { literal: 'critical', served: 'critical', 'public-env': 'high', unknown: 'high', user: 'low' };
const WHY: Record<Exclude<Source, 'ephemeral'>, string> = {
  literal: 'with a key written into the code, which ships in the bundle: anyone can copy it from the page',
  served: 'with a key from a global that the site serves to every visitor (runtime config): anyone can copy it',
  'public-env': 'with a key from a client-public env variable, which the build inlines into the bundle: anyone can copy it',
  unknown: 'where every visitor can read the key it sends, in the bundle or in the network panel',
  user: "with the user's own key (bring your own key): it stays on their machine, but any script on the page (an extension, an XSS) can read it",
};

function judge(c: Candidate): Judgement | null {
  const { path, text, start, secret: found, frameworks } = c;
  const side: Side = sideOf(path, text, start, frameworks);
  if (side === 'server' || side === 'text' || inComment(text, start)) return null;
  const isUrl = /^(?:https?|wss?):/.test(found);
  const gemini = found.startsWith('new');
  const source = gemini ? argumentSource(text, c.end) : keySource(text, start, isUrl ? [600, 900] : [500, 300]);
  // A request to an LLM API (or an SDK without a browser flag) from code that may be server code is
  // the normal, safe design, unless the key it sends comes from a client-public variable.
  if ((isUrl || gemini) && side !== 'client' && source !== 'public-env') return null;
  if (isUrl && source === null) return null; // no key sent: a proxy, a health check, a docs link
  if (source === 'ephemeral') return null;
  const s = source ?? 'unknown';
  const call = isUrl ? `Client code calls ${found.replace(/^[a-z]+:\/\//, '').replace(/[/?].*/, '')}` : gemini ? 'Client code creates a Gemini SDK client' : 'An LLM SDK client is told to run in the browser (dangerouslyAllowBrowser)';
  return {
    severity: SEVERITY[s],
    // Code of unknown side that only a server imports may set the flag too (edge runtimes, tests).
    ...(side === 'unknown' ? { confidence: s === 'public-env' || s === 'literal' ? ('medium' as const) : ('low' as const) } : {}),
    secret: null,
    message: `${call}, ${WHY[s]}.`,
    fix:
      s === 'user'
        ? "If users bring their own keys, keep them out of shared storage, send them only to the vendor, and say so; better still, call the vendor from a server route of your own that holds a key per user."
        : 'Move the call to a server route of your own (the browser posts to /api/chat; the server holds the key in a variable without a public prefix and returns only the result), remove dangerouslyAllowBrowser, and rotate the key that shipped.',
  };
}

const rule: ContentRule = {
  id: 'browser-llm-client',
  description: 'LLM APIs called from client code: SDK clients with dangerouslyAllowBrowser, Gemini SDK clients, requests to LLM API hosts with a key.',
  severity: 'high',
  keywords: ['dangerouslyAllowBrowser', 'GoogleGenerativeAI', 'GoogleGenAI', ...new Set(HOSTS.map((h) => h.split('/')[0]!.replace(/^api[.-]/, '')))],
  pattern: new RegExp(`${SDK_FLAG}|${GEMINI_SDK}|${API_URL}`, 'g'),
  minEntropy: 0,
  judge,
  message: 'An LLM API called from client code: every visitor can read the key it sends.',
  fix: 'Move the call to a server route of your own that holds the key in a server-only variable, and rotate the key that shipped.',
};

export default rule;
