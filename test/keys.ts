// Fake keys made at run time, so that no key-shaped literal is stored in this repository (its own
// sweep must stay clean). Deterministic: the same name gives the same key in every run.

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URLSAFE = `${ALNUM}_-`;
const HEX = '0123456789abcdef';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function seeded(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` random characters of `alphabet`, seeded by `seed`. */
export function random(alphabet: string, n: number, seed: string): string {
  const next = seeded(seed);
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}

const MARK = ['T3Bl', 'bkFJ'].join('');

/** OpenAI key of a kind, with halves of `half` characters around the marker. */
export function openai(kind: '' | 'proj' | 'svcacct' | 'service' | 'admin' | 'None', half: number, seed = `${kind}${half}`): string {
  const alphabet = kind === '' ? ALNUM : URLSAFE;
  // Keep the first character alphanumeric, as real keys do, so the token boundary is obvious.
  const body = (s: string) => random(ALNUM, 1, s) + random(alphabet, half - 1, `${s}+`);
  return `sk-${kind ? `${kind}-` : ''}${body(`${seed}a`)}${MARK}${body(`${seed}b`)}`;
}

export const fake = {
  /** A random token with no vendor prefix (what hardcoded-credential judges by its name). */
  token: (seed = 'tok', n = 32) => random(ALNUM, n, seed),
  hex: (seed = 'hex', n = 32) => random(HEX, n, seed),
  /** A password-like string: letters, digits and symbols. */
  password: (seed = 'pw') => `${random(LETTERS, 4, seed)}${random('0123456789', 2, `${seed}d`)}!${random(ALNUM, 5, `${seed}x`)}_`,
  openaiLegacy: (seed = 'legacy') => openai('', 20, seed),
  openaiProjectShort: (seed = 'ps') => openai('proj', 20, seed),
  openaiProject: (seed = 'p') => openai('proj', 74, seed),
  openaiProject132: (seed = 'p132') => openai('proj', 58, seed),
  openaiSvcacct: (seed = 'svc') => openai('svcacct', 74, seed),
  openaiService: (seed = 'service') => openai('service', 74, seed),
  openaiAdmin: (seed = 'admin') => openai('admin', 58, seed),
  openaiNoneShort: (seed = 'none') => openai('None', 20, seed),
  openaiNoneLong: (seed = 'nonel') => openai('None', 74, seed),
  anthropic: (seed = 'ant') => `sk-ant-api03-${random(URLSAFE, 93, seed)}AA`,
  anthropicAdmin: (seed = 'antadm') => `sk-ant-admin01-${random(URLSAFE, 93, seed)}AA`,
  openrouter: (seed = 'or') => `sk-or-v1-${random(HEX, 64, seed)}`,
  groq: (seed = 'groq') => `gsk_${random(ALNUM, 52, seed)}`,
  xai: (seed = 'xai') => `xai-${random(ALNUM, 80, seed)}`,
  perplexity: (seed = 'pplx') => `pplx-${random(ALNUM, 48, seed)}`,
  huggingface: (seed = 'hf') => `hf_${random(LETTERS, 34, seed)}`,
  huggingfaceOrg: (seed = 'hforg') => `api_org_${random(LETTERS, 34, seed)}`,
  google: (seed = 'aiza') => `AIza${random(URLSAFE, 35, seed)}`,
  deepseek: (seed = 'ds') => `sk-${random(HEX, 32, seed)}`,
  stripeLive: (seed = 'stripe') => ['sk', 'live', random(ALNUM, 99, seed)].join('_'),
  stripeRestricted: (seed = 'rk') => ['rk', 'live', random(ALNUM, 99, seed)].join('_'),
};
