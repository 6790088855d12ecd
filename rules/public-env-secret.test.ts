import { describe, expect, it } from 'vitest';
import { fake } from '../test/keys.js';
import { type Expected, located, ruleTester } from '../test/rule-tester.js';
import rule, { meaningOf } from './public-env-secret.js';

const key = fake.openaiProject('pub');
/** A Supabase service-role JWT: header, claims naming the role, signature. */
const b64url = (s: string) => Buffer.from(s).toString('base64url');
const serviceRole = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"role":"service_role"}')}.${fake.token('sig', 43)}`;

/** An invalid case whose one finding spans the variable `name` (and reports `secret`, when given). */
function names(name: string, code: string, path: string, more: Partial<Expected> & { frameworks?: ('sveltekit' | 'astro' | 'next' | 'vite' | 'nuxt' | 'expo')[] } = {}) {
  const { frameworks, ...expected } = more;
  // The variable: the case name's first word when it is one, else the first public variable in the code.
  const first = name.split(' ')[0]!;
  const variable = /^[A-Z][A-Z0-9_]+$/.test(first) ? first : code.match(/\b(?:NEXT_PUBLIC|NUXT_PUBLIC|PUBLIC|VITE|REACT_APP|EXPO_PUBLIC|STORYBOOK)_[A-Z0-9_]+/)![0];
  return { name, code, path, ...(frameworks ? { frameworks } : {}), errors: [{ ...located(code, variable), span: variable, ...expected }] };
}

ruleTester(rule, {
  invalid: [
    // Definitions: any .env file (the build inlines ignored ones too), CI and Docker build settings.
    names('NEXT_PUBLIC_OPENAI_API_KEY in .env.local', `NEXT_PUBLIC_SITE_URL=https://example.com\nNEXT_PUBLIC_OPENAI_API_KEY=${key}\n`, '.env.local', {
      secret: key,
      severity: 'high',
      message: 'Next.js',
    }),
    names('VITE_ANTHROPIC_API_KEY quoted in .env', `VITE_ANTHROPIC_API_KEY="${fake.anthropic()}"\n`, '.env', { secret: fake.anthropic(), message: 'Vite' }),
    names('REACT_APP_OPENAI_KEY with export in .env.production', `export REACT_APP_OPENAI_KEY=${key}\n`, 'web/.env.production', { secret: key }),
    names('EXPO_PUBLIC_OPENAI_API_KEY defined empty in a template', 'EXPO_PUBLIC_OPENAI_API_KEY=\n', '.env.example', { severity: 'high' }),
    names('NEXT_PUBLIC_STRIPE_SECRET_KEY (not only LLM keys)', `NEXT_PUBLIC_STRIPE_SECRET_KEY=${fake.stripeLive()}\n`, '.env', { secret: fake.stripeLive() }),
    names('VITE_SUPABASE_SERVICE_ROLE_KEY (the anon key is public, this one is not)', `VITE_SUPABASE_SERVICE_ROLE_KEY=${serviceRole}\n`, '.env.local', { secret: serviceRole }),
    names('GitHub Actions passes a repository secret into a public build variable', 'env:\n  NEXT_PUBLIC_OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n', '.github/workflows/deploy.yml'),
    names('Dockerfile ARG for the build', 'ARG VITE_OPENAI_API_KEY\nRUN npm run build\n', 'Dockerfile'),
    names('generic API key name: reported at medium confidence', 'VITE_WEATHER_API_KEY=abc123def456\n', '.env', { severity: 'medium', secret: 'abc123def456' }),
    // Reads in code.
    names('process.env.NEXT_PUBLIC_OPENAI_API_KEY in a "use client" page', `"use client";\nconst openai = new OpenAI({ apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY });\n`, 'app/chat/page.tsx', {
      severity: 'critical',
      message: 'Client code reads',
      frameworks: ['next'],
    }),
    names('import.meta.env.VITE_OPENAI_API_KEY in a Vite app', 'const key = import.meta.env.VITE_OPENAI_API_KEY;\n', 'src/lib/openai.ts', { severity: 'critical', frameworks: ['vite'] }),
    names('process.env["REACT_APP_OPENAI_KEY"]', 'const key = process.env["REACT_APP_OPENAI_KEY"];\n', 'src/App.js', { severity: 'critical', frameworks: ['vite'] }),
    names('destructured from import.meta.env', 'const { VITE_GROQ_API_KEY } = import.meta.env;\n', 'src/groq.ts', { severity: 'critical', frameworks: ['vite'] }),
    names('SvelteKit $env/static/public import', "<script>\n  import { PUBLIC_OPENAI_API_KEY, PUBLIC_SITE_NAME } from '$env/static/public';\n  const k = PUBLIC_OPENAI_API_KEY;\n</script>\n", 'src/routes/+page.svelte', {
      frameworks: ['sveltekit'],
      message: 'SvelteKit',
    }),
    names('read in server code: still a finding, lower', 'export default async function handler(req, res) {\n  const key = process.env.NEXT_PUBLIC_OPENAI_API_KEY;\n}\n', 'pages/api/summarize.ts', {
      severity: 'medium',
      message: 'Server code reads',
      frameworks: ['next'],
    }),
    names('Nuxt config maps the variable into runtimeConfig.public', "export default defineNuxtConfig({\n  runtimeConfig: { public: { openaiApiKey: process.env.NUXT_PUBLIC_OPENAI_API_KEY } },\n});\n", 'nuxt.config.ts', {
      frameworks: ['nuxt'],
    }),
    names('NUXT_PUBLIC_OPENAI_API_KEY mapped into runtimeConfig.public, which every page receives', "export default defineNuxtConfig({\n  runtimeConfig: {\n    apiSecret: '',\n    public: {\n      openaiApiKey: process.env.NUXT_PUBLIC_OPENAI_API_KEY,\n    },\n  },\n});\n", 'web/nuxt.config.ts', {
      frameworks: ['nuxt'],
      severity: 'critical',
    }),
    names('Astro reads PUBLIC_ variables into client code', 'const key = import.meta.env.PUBLIC_OPENAI_API_KEY;\n', 'src/lib/ai.ts', { frameworks: ['astro'], message: 'Astro' }),
    names('Storybook variables are bundled into the static Storybook', 'const key = process.env.STORYBOOK_OPENAI_API_KEY;\n', '.storybook/preview.ts'),
  ],
  valid: [
    { name: 'public-by-design names', source: 'Next.js and Vite starters: site URL, Firebase web config, Supabase anon key, Stripe publishable key', path: '.env', code: 'NEXT_PUBLIC_SITE_URL=https://example.com\nVITE_FIREBASE_API_KEY=AIzaSyD-abcdefghijklmnopqrstuvwxyz12345\nNEXT_PUBLIC_SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiJ9.e30.abc\nNEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=pk_live_abc\n' },
    { name: 'analytics, error tracking, maps and captcha', source: 'PostHog, Sentry, Mapbox, reCAPTCHA, GA in real .env.example files', path: '.env.example', code: 'NEXT_PUBLIC_POSTHOG_KEY=phc_abc\nNEXT_PUBLIC_SENTRY_DSN=https://abc@o1.ingest.sentry.io/1\nNEXT_PUBLIC_MAPBOX_TOKEN=pk.eyJ1\nNEXT_PUBLIC_RECAPTCHA_SITE_KEY=6Lc\nNEXT_PUBLIC_GA_MEASUREMENT_ID=G-ABC\n' },
    { name: 'LLM settings that are not keys', source: 'chat apps: model names and base URLs are public', path: '.env', code: 'NEXT_PUBLIC_OPENAI_BASE_URL=https://api.openai.com/v1\nVITE_OPENAI_MODEL=gpt-4o-mini\nNEXT_PUBLIC_OPENAI_ORG_ID=org-abc\n' },
    { name: 'server-only names', source: 'the safe design: no public prefix', path: '.env.local', code: `OPENAI_API_KEY=${key}\nANTHROPIC_API_KEY=x\n` },
    { name: 'a README that warns against the pattern', source: 'README of chat templates: "never use NEXT_PUBLIC_OPENAI_API_KEY"', path: 'README.md', code: 'Never put the key in `NEXT_PUBLIC_OPENAI_API_KEY`: Next.js ships it to the browser.\n' },
    { name: 'commented-out line in .env', source: 'dotenv files that keep an old setting as a comment', path: '.env', code: `# NEXT_PUBLIC_OPENAI_API_KEY=${key}\n` },
    { name: 'commented-out read in code', source: 'a migration left the old client read as a comment', path: 'src/App.tsx', code: '// const key = import.meta.env.VITE_OPENAI_API_KEY;\n' },
    { name: 'PUBLIC_KEY outside SvelteKit and Astro', source: 'Python and Go constants named PUBLIC_*', path: 'app/settings.py', code: 'PUBLIC_API_TOKEN_HEADER = "X-Token"\nPUBLIC_KEY = load()\n' },
    { name: 'a test that sets the variable', source: 'unit tests stub env variables by name', path: 'src/chat.test.ts', code: `vi.stubEnv('VITE_OPENAI_API_KEY', 'test');\nprocess.env.NEXT_PUBLIC_OPENAI_API_KEY = "${key}";\n` },
    { name: 'PUBLIC_ in a Next.js project', source: 'Next.js inlines only NEXT_PUBLIC_; PUBLIC_ is an ordinary name there', path: 'app/page.tsx', frameworks: ['next'], code: `'use client';\nexport const k = process.env.PUBLIC_OPENAI_API_KEY;\n` },
    { name: 'PUBLIC_ in a Vite project', source: "Vite's default envPrefix is VITE_ only", path: 'src/main.ts', frameworks: ['vite'], code: 'const k = import.meta.env.PUBLIC_OPENAI_API_KEY;\n' },
    { name: 'a type declaration of the env', source: 'vite-env.d.ts in every Vite template declares the variables it reads', path: 'src/vite-env.d.ts', frameworks: ['vite'], code: 'interface ImportMetaEnv {\n  readonly VITE_OPENAI_API_KEY: string;\n}\n' },
    { name: 'built output', source: 'a Vite bundle inlines the env object; client-bundle-secret reports the key there', path: 'dist/assets/index-abc.js', code: 'const e={VITE_OPENAI_API_KEY:"x"};\n' },
  ],
});

describe('meaningOf', () => {
  it.each([
    ['_OPENAI_API_KEY', 'llm'],
    ['_ANTHROPIC_KEY', 'llm'],
    ['_STRIPE_SECRET_KEY', 'secret'],
    ['_SUPABASE_SERVICE_ROLE_KEY', 'secret'],
    ['_DB_PASSWORD', 'secret'],
    ['_GITHUB_TOKEN', 'key'],
    ['_OPENAI_BASE_URL', null],
    ['_FIREBASE_API_KEY', null],
    ['_SUPABASE_ANON_KEY', null],
    ['_STRIPE_PUBLISHABLE_KEY', null],
    ['_GOOGLE_MAPS_API_KEY', null],
    ['_APP_NAME', null],
    ['_SUPABASE_SERVICE_KEY', 'secret'],
    ['_SENTRY_AUTH_TOKEN', 'secret'],
    ['_POSTHOG_PERSONAL_API_KEY', 'secret'],
    ['_ADMIN_EMAIL', null],
    ['_PASSWORD_MIN_LENGTH', null],
    ['_SECRET_NAME', null],
  ] as const)('%s means %s', (rest, meaning) => {
    expect(meaningOf(rest)).toBe(meaning);
  });
});
