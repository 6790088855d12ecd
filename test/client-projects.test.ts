// Client exposure, end to end through the built CLI, on small projects shaped as each framework's
// starter makes them: its package.json, its .gitignore (which ignores the build folder and the
// dotenv files), its source layout, an ignored dotenv file and a built output folder. Each framework
// has an exposing variant (its own way of shipping a key to the browser) and a safe one (the
// server-side way of doing the same thing), for the rules client-bundle-secret, public-env-secret
// and browser-llm-client.

import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Files, gitRepo, json, leakgate } from './helpers.js';
import { fake, random } from './keys.js';

type ClientRule = 'client-bundle-secret' | 'public-env-secret' | 'browser-llm-client';
const CLIENT_RULES: readonly string[] = ['client-bundle-secret', 'public-env-secret', 'browser-llm-client'];
type Severity = 'critical' | 'high' | 'medium' | 'low';

/** A finding expected on the line of `file` that holds `at` (its first occurrence). */
type Expected = [rule: ClientRule, file: string, at: string, severity: Severity];

interface Project {
  readonly files: Files;
  /** Files that the project's .gitignore must ignore: build output, dotenv files, scratch folders. */
  readonly ignored: readonly string[];
  /** Ignored files holding a key that are not client output (server output, scratch): nothing may be reported in them. */
  readonly unread?: readonly string[];
  /** Symbolic links to make: path → target. */
  readonly links?: Readonly<Record<string, string>>;
  /** The findings of the three client rules, exactly. */
  readonly expected?: readonly Expected[];
  /** The findings of other rules, exactly, as `ruleId file`. */
  readonly others?: readonly string[];
}

// --- Values, made at run time so that no key-shaped literal is stored here -------------------

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A Supabase anon key: a JWT with role "anon", public by design. */
const supabaseAnon = (seed: string): string =>
  `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ iss: 'supabase', ref: random('abcdefghijklmnopqrstuvwxyz', 20, seed), role: 'anon', iat: 1717000000, exp: 2032576000 })}.${random('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-', 43, `${seed}sig`)}`;
const stripePublishable = (seed: string): string => ['pk', 'live', fake.token(seed, 99)].join('_');
const sentryDsn = (seed: string): string => `https://${fake.hex(seed, 32)}@o4507214263517184.ingest.us.sentry.io/4507214265483264`;
const mapboxToken = (seed: string): string => `pk.${b64url({ u: 'acme-maps', a: random('abcdefghijklmnopqrstuvwxyz0123456789', 25, seed) })}.${fake.token(`${seed}sig`, 22)}`;
const recaptchaSiteKey = (seed: string): string => `6Lc${fake.token(seed, 37)}`;
const gaMeasurementId = (seed: string): string => `G-${random('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10, seed)}`;
/** A Firebase web config as the console gives it, key and all: public by design. */
const firebaseWebConfig = (seed: string): string =>
  `{apiKey:"${fake.google(seed)}",authDomain:"acme-chat.firebaseapp.com",projectId:"acme-chat",storageBucket:"acme-chat.appspot.com",messagingSenderId:"804711223344",appId:"1:804711223344:web:${fake.hex(`${seed}app`, 22)}"}`;

/** What a developer's scratch folder keeps: a request copied out of the network panel. */
const savedRequest = (key: string): string =>
  `POST https://api.openai.com/v1/chat/completions\nAuthorization: Bearer ${key}\nContent-Type: application/json\n\n{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}\n`;

// --- Templates' .gitignore files, as the starters write them ------------------------------------

const NEXT_GITIGNORE = `# See https://help.github.com/articles/ignoring-files/ for more about ignoring files.

# dependencies
/node_modules
/.pnp
.pnp.*
.yarn/*
!.yarn/patches
!.yarn/plugins
!.yarn/releases
!.yarn/versions

# testing
/coverage

# next.js
/.next/
/out/

# production
/build

# misc
.DS_Store
*.pem

# debug
npm-debug.log*
yarn-debug.log*
yarn-error.log*
.pnpm-debug.log*

# env files (can opt-in for committing if needed)
.env*

# vercel
.vercel

# typescript
*.tsbuildinfo
next-env.d.ts
`;

const VITE_GITIGNORE = `# Logs
logs
*.log
npm-debug.log*
yarn-debug.log*
yarn-error.log*
pnpm-debug.log*
lerna-debug.log*

node_modules
dist
dist-ssr
*.local

# Editor directories and files
.vscode/*
!.vscode/extensions.json
.idea
.DS_Store
*.suo
*.ntvs*
*.njsproj
*.sln
*.sw?
`;

const CRA_GITIGNORE = `# See https://help.github.com/articles/ignoring-files/ for more about ignoring files.

# dependencies
/node_modules
/.pnp
.pnp.js

# testing
/coverage

# production
/build

# misc
.DS_Store
.env.local
.env.development.local
.env.test.local
.env.production.local

npm-debug.log*
yarn-debug.log*
yarn-error.log*
`;

const SVELTEKIT_GITIGNORE = `node_modules

# Output
.output
.vercel
.netlify
.wrangler
/.svelte-kit
/build

# OS
.DS_Store
Thumbs.db

# Env
.env
.env.*
!.env.example
!.env.test

# Vite
vite.config.js.timestamp-*
vite.config.ts.timestamp-*
`;

const NUXT_GITIGNORE = `# Nuxt dev/build outputs
.output
.data
.nuxt
.nitro
.cache
dist

# Node dependencies
node_modules

# Logs
logs
*.log

# Misc
.DS_Store
.fleet
.idea

# Local env files
.env
.env.*
!.env.example
`;

const ASTRO_GITIGNORE = `# build output
dist/

# generated types
.astro/

# dependencies
node_modules/

# logs
npm-debug.log*
yarn-debug.log*
yarn-error.log*
pnpm-debug.log*

# environment variables
.env
.env.production

# macOS-specific files
.DS_Store

# jetbrains setting folder
.idea/
`;

const EXPO_GITIGNORE = `# Learn more https://docs.github.com/en/get-started/getting-started-with-git/ignoring-files

# dependencies
node_modules/

# Expo
.expo/
dist/
web-build/
expo-env.d.ts

# Native
.kotlin/
*.orig.*
*.jks
*.p8
*.p12
*.key
*.mobileprovision

# Metro
.metro-health-check*

# debug
npm-debug.*
yarn-debug.*
yarn-error.*

# macOS
.DS_Store
*.pem

# local env files
.env*.local

# typescript
*.tsbuildinfo

app-example
`;

/** What a developer adds below a template: a scratch folder. */
const SCRATCH = '\n# scratch\n/tmp\n';

const manifest = (name: string, deps: Record<string, string>, devDeps: Record<string, string> = {}, scripts: Record<string, string> = {}): string =>
  `${JSON.stringify({ name, version: '0.1.0', private: true, type: 'module', scripts, dependencies: deps, devDependencies: devDeps }, null, 2)}\n`;

// --- Next.js -------------------------------------------------------------------------------

const NEXT_DEPS = { next: '15.1.3', react: '^19.0.0', 'react-dom': '^19.0.0' };
const NEXT_DEV = { '@types/node': '^20', '@types/react': '^19', '@types/react-dom': '^19', typescript: '^5' };
const NEXT_SCRIPTS = { dev: 'next dev', build: 'next build', start: 'next start', lint: 'next lint' };

const nextLayout = `import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = { title: 'Ask', description: 'Ask the model' };

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`;

function nextAppExposing(): Project {
  const key = fake.openaiProject('next-app');
  const nextChunk = `(self.webpackChunk_N_E=self.webpackChunk_N_E||[]).push([[974],{5541:(e,s,t)=>{Promise.resolve().then(t.bind(t,9821))},9821:(e,s,t)=>{"use strict";t.r(s),t.d(s,{default:()=>l});var a=t(5155),n=t(2115),r=t(7810);let i=new r.Ay({apiKey:"${key}",dangerouslyAllowBrowser:!0});function l(){let[e,s]=(0,n.useState)("");return(0,a.jsxs)("main",{children:[(0,a.jsxs)("form",{action:async function(e){var t,a;let n=await i.chat.completions.create({model:"gpt-4o-mini",messages:[{role:"user",content:String(e.get("prompt"))}]});s(null!==(a=null===(t=n.choices[0])||void 0===t?void 0:t.message.content)&&void 0!==a?a:"")}}),(0,a.jsx)("p",{children:e})]})}}},e=>{var s=s=>e(e.s=s);e.O(0,[441,517,358],()=>s(5541)),_N_E=e.O()}]);\n`;
  const nextServerPage = `(()=>{var e={};e.id=974,e.ids=[974],e.modules={9821:(e,s,t)=>{"use strict";let i=new(t(7810)).Ay({apiKey:"${key}",dangerouslyAllowBrowser:!0})}};module.exports=e})();\n`;
  return {
    files: {
      'package.json': manifest('ask-next', { ...NEXT_DEPS, openai: '^4.77.0' }, NEXT_DEV, NEXT_SCRIPTS),
      '.gitignore': NEXT_GITIGNORE + SCRATCH,
      'next.config.ts': `import type { NextConfig } from 'next';\n\nconst nextConfig: NextConfig = {};\n\nexport default nextConfig;\n`,
      'tsconfig.json': `{ "compilerOptions": { "jsx": "preserve", "strict": true, "paths": { "@/*": ["./*"] } } }\n`,
      'app/globals.css': 'body { font-family: system-ui; }\n',
      'app/layout.tsx': nextLayout,
      'app/page.tsx': `'use client';

import OpenAI from 'openai';
import { useState } from 'react';

const openai = new OpenAI({
  apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY,
  dangerouslyAllowBrowser: true,
});

export default function Home() {
  const [answer, setAnswer] = useState('');

  async function ask(formData: FormData) {
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: String(formData.get('prompt')) }],
    });
    setAnswer(completion.choices[0]?.message.content ?? '');
  }

  return (
    <main>
      <form action={ask}>
        <textarea name="prompt" />
        <button type="submit">Ask</button>
      </form>
      <p>{answer}</p>
    </main>
  );
}
`,
      '.env.local': `NEXT_PUBLIC_OPENAI_API_KEY=${key}\n`,
      '.next/BUILD_ID': 'hR4kq2Zt0vWcXy8LmN3pA\n',
      '.next/static/chunks/app/page-4f8d2c1b9a7e6f30.js': nextChunk,
      // The server render of a client page inlines the value too; server output is not served.
      '.next/server/app/page.js': nextServerPage,
      // vercel build: the static files and the functions, apart.
      '.vercel/output/config.json': '{ "version": 3 }\n',
      '.vercel/output/static/_next/static/chunks/app/page-4f8d2c1b9a7e6f30.js': nextChunk,
      '.vercel/output/functions/index.func/.next/server/app/page.js': nextServerPage,
      'tmp/request.http': savedRequest(key),
    },
    ignored: [
      '.env.local',
      '.next/static/chunks/app/page-4f8d2c1b9a7e6f30.js',
      '.next/server/app/page.js',
      '.vercel/output/static/_next/static/chunks/app/page-4f8d2c1b9a7e6f30.js',
      '.vercel/output/functions/index.func/.next/server/app/page.js',
      'tmp/request.http',
    ],
    unread: ['.next/server/app/page.js', '.vercel/output/functions/index.func/.next/server/app/page.js', 'tmp/request.http'],
    expected: [
      ['public-env-secret', '.env.local', 'NEXT_PUBLIC_OPENAI_API_KEY=', 'high'],
      ['public-env-secret', 'app/page.tsx', 'process.env.NEXT_PUBLIC_OPENAI_API_KEY', 'critical'],
      ['browser-llm-client', 'app/page.tsx', 'dangerouslyAllowBrowser', 'high'],
      ['client-bundle-secret', '.next/static/chunks/app/page-4f8d2c1b9a7e6f30.js', 'apiKey:', 'critical'],
      ['client-bundle-secret', '.vercel/output/static/_next/static/chunks/app/page-4f8d2c1b9a7e6f30.js', 'apiKey:', 'critical'],
    ],
  };
}

function nextAppSafe(): Project {
  const openai = fake.openaiProject('next-app-safe');
  const anthropic = fake.anthropic('next-app-safe');
  const anon = supabaseAnon('next-app-safe');
  return {
    files: {
      'package.json': manifest('ask-next', { ...NEXT_DEPS, openai: '^4.77.0', '@supabase/ssr': '^0.5.2', firebase: '^11.1.0' }, NEXT_DEV, NEXT_SCRIPTS),
      '.gitignore': NEXT_GITIGNORE,
      'README.md': `# Ask

Copy \`.env.example\` to \`.env.local\` and set \`OPENAI_API_KEY\`.

> **Never** name it \`NEXT_PUBLIC_OPENAI_API_KEY\`: Next.js inlines every \`NEXT_PUBLIC_\` variable into the
> JavaScript it sends to browsers. The key stays on the server, in \`app/api/chat/route.ts\`.
`,
      '.env.example': 'OPENAI_API_KEY=\nANTHROPIC_API_KEY=\nNEXT_PUBLIC_SUPABASE_URL=\nNEXT_PUBLIC_SUPABASE_ANON_KEY=\n',
      'app/globals.css': 'body { font-family: system-ui; }\n',
      'app/layout.tsx': nextLayout,
      'app/page.tsx': `'use client';

import { useState } from 'react';
import { summarize } from './actions';

export default function Home() {
  const [answer, setAnswer] = useState('');

  async function ask(formData: FormData) {
    // The browser talks to our own route; the key never leaves the server.
    const res = await fetch('/api/chat', { method: 'POST', body: JSON.stringify({ prompt: formData.get('prompt') }) });
    setAnswer((await res.json()).answer);
  }

  return (
    <main>
      <form action={ask}>
        <textarea name="prompt" />
        <button type="submit">Ask</button>
        <button formAction={async (data) => setAnswer(await summarize(String(data.get('prompt'))))}>Summarize</button>
      </form>
      <p>{answer}</p>
    </main>
  );
}
`,
      'app/api/chat/route.ts': `import OpenAI from 'openai';

export const runtime = 'edge';

// The SDK mistakes some edge runtimes for a browser; this route runs on the server.
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, dangerouslyAllowBrowser: true });

export async function POST(request: Request) {
  const { prompt } = await request.json();
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
  return Response.json({ answer: completion.choices[0]?.message.content });
}
`,
      'app/actions.ts': `'use server';

export async function summarize(text: string): Promise<string> {
  const res = await fetch('https://api.anthropic.com/v1/messages', {
    method: 'POST',
    headers: {
      'x-api-key': process.env.ANTHROPIC_API_KEY!,
      'anthropic-version': '2023-06-01',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ model: 'claude-3-5-haiku-latest', max_tokens: 256, messages: [{ role: 'user', content: \`Summarize: \${text}\` }] }),
  });
  const data = await res.json();
  return data.content[0].text;
}
`,
      'lib/supabase.ts': `import { createBrowserClient } from '@supabase/ssr';

export const supabase = createBrowserClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!);
`,
      'lib/firebase.ts': `import { initializeApp } from 'firebase/app';

export const app = initializeApp({
  apiKey: process.env.NEXT_PUBLIC_FIREBASE_API_KEY,
  authDomain: process.env.NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN,
  projectId: process.env.NEXT_PUBLIC_FIREBASE_PROJECT_ID,
  appId: process.env.NEXT_PUBLIC_FIREBASE_APP_ID,
});
`,
      'components/Analytics.tsx': `'use client';

import Script from 'next/script';

export function Analytics() {
  const id = process.env.NEXT_PUBLIC_GA_MEASUREMENT_ID;
  return <Script src={\`https://www.googletagmanager.com/gtag/js?id=\${id}\`} />;
}
`,
      'components/Checkout.tsx': `'use client';

import { loadStripe } from '@stripe/stripe-js';
import * as Sentry from '@sentry/nextjs';

Sentry.init({ dsn: process.env.NEXT_PUBLIC_SENTRY_DSN });
export const stripe = loadStripe(process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY!);
export const recaptcha = process.env.NEXT_PUBLIC_RECAPTCHA_SITE_KEY;
export const mapboxToken = process.env.NEXT_PUBLIC_MAPBOX_TOKEN;
`,
      '.env.local': [
        `OPENAI_API_KEY=${openai}`,
        `ANTHROPIC_API_KEY=${anthropic}`,
        'NEXT_PUBLIC_SITE_URL=https://ask.example.com',
        'NEXT_PUBLIC_SUPABASE_URL=https://abcdefghijklmnopqrst.supabase.co',
        `NEXT_PUBLIC_SUPABASE_ANON_KEY=${anon}`,
        `NEXT_PUBLIC_FIREBASE_API_KEY=${fake.google('next-firebase')}`,
        'NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN=acme-chat.firebaseapp.com',
        `NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=${stripePublishable('next-app-safe')}`,
        `NEXT_PUBLIC_SENTRY_DSN=${sentryDsn('next-app-safe')}`,
        `NEXT_PUBLIC_GA_MEASUREMENT_ID=${gaMeasurementId('next-app-safe')}`,
        `NEXT_PUBLIC_MAPBOX_TOKEN=${mapboxToken('next-app-safe')}`,
        `NEXT_PUBLIC_RECAPTCHA_SITE_KEY=${recaptchaSiteKey('next-app-safe')}`,
        '',
      ].join('\n'),
      '.next/static/chunks/app/page-91c3e7a05b2d4f18.js': `(self.webpackChunk_N_E=self.webpackChunk_N_E||[]).push([[974],{9821:(e,s,t)=>{"use strict";t.r(s),t.d(s,{default:()=>l});var a=t(5155),n=t(2115);let o=(0,t(3719).createBrowserClient)("https://abcdefghijklmnopqrst.supabase.co","${anon}"),c=(0,t(2881).Wp)(${firebaseWebConfig('next-firebase')});function l(){let[e,s]=(0,n.useState)("");return(0,a.jsx)("main",{children:e})}async function u(e){return(await fetch("/api/chat",{method:"POST",body:JSON.stringify({prompt:e.get("prompt")})})).json()}}}]);\n`,
      '.next/static/chunks/app/layout-2b7e0f9d41c6a853.js': `(self.webpackChunk_N_E=self.webpackChunk_N_E||[]).push([[177],{4410:(e,s,t)=>{"use strict";t(9034).init({dsn:"${sentryDsn('next-app-safe')}"});let r=(0,t(1650).J)("${stripePublishable('next-app-safe')}"),i="${recaptchaSiteKey('next-app-safe')}",o="${mapboxToken('next-app-safe')}"}}]);\n`,
      '.next/server/app/api/chat/route.js': `"use strict";(()=>{var e={};e.id=276,e.ids=[276],e.modules={6744:(e,t,r)=>{let o=new(r(7810)).Ay({apiKey:process.env.OPENAI_API_KEY,dangerouslyAllowBrowser:!0})}};module.exports=e})();\n`,
    },
    ignored: ['.env.local', '.next/static/chunks/app/page-91c3e7a05b2d4f18.js', '.next/server/app/api/chat/route.js'],
  };
}

const nextPagesApp = `import type { AppProps } from 'next/app';
import '@/styles/globals.css';

export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
`;

function nextPagesExposing(): Project {
  const key = fake.openaiProject('next-pages');
  const chunk = (id: number) =>
    `(self.webpackChunk_N_E=self.webpackChunk_N_E||[]).push([[${id}],{5557:(e,t,n)=>{"use strict";n.r(t),n.d(t,{default:()=>i});var s=n(4848),a=n(6540);function i(){let[e,t]=(0,a.useState)("");async function n(e){e.preventDefault();let n=new FormData(e.currentTarget).get("prompt"),s=await fetch("https://api.openai.com/v1/chat/completions",{method:"POST",headers:{"Content-Type":"application/json",Authorization:"Bearer ${key}"},body:JSON.stringify({model:"gpt-4o-mini",messages:[{role:"user",content:n}]})});t((await s.json()).choices[0].message.content)}return(0,s.jsxs)("form",{onSubmit:n,children:[(0,s.jsx)("textarea",{name:"prompt"}),(0,s.jsx)("p",{children:e})]})}}},e=>{var t=t=>e(e.s=t);e.O(0,[636,593,792],()=>t(8448)),_N_E=e.O()}]);\n`;
  return {
    files: {
      'package.json': manifest('ask-pages', NEXT_DEPS, NEXT_DEV, { ...NEXT_SCRIPTS, build: 'next build' }),
      '.gitignore': NEXT_GITIGNORE + SCRATCH,
      'next.config.mjs': `/** @type {import('next').NextConfig} */\nconst nextConfig = { output: 'export', reactStrictMode: true };\n\nexport default nextConfig;\n`,
      'styles/globals.css': 'body { margin: 0; }\n',
      'pages/_app.tsx': nextPagesApp,
      'pages/index.tsx': `import { type FormEvent, useState } from 'react';

export default function Home() {
  const [reply, setReply] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const prompt = new FormData(event.currentTarget).get('prompt');
    const res = await fetch('https://api.openai.com/v1/chat/completions', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: \`Bearer \${process.env.NEXT_PUBLIC_OPENAI_KEY}\`,
      },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] }),
    });
    setReply((await res.json()).choices[0].message.content);
  }

  return (
    <form onSubmit={onSubmit}>
      <textarea name="prompt" />
      <p>{reply}</p>
    </form>
  );
}
`,
      '.env.local': `NEXT_PUBLIC_OPENAI_KEY=${key}\n`,
      // next build with output: 'export' leaves both .next/ and the exported site in out/.
      '.next/static/chunks/pages/index-3a9f1c7e2d5b8046.js': chunk(332),
      'out/index.html': '<!DOCTYPE html><html><head><script src="/_next/static/chunks/pages/index-3a9f1c7e2d5b8046.js" defer=""></script></head><body><div id="__next"><form><textarea name="prompt"></textarea><p></p></form></div></body></html>\n',
      'out/_next/static/chunks/pages/index-3a9f1c7e2d5b8046.js': chunk(332),
      'tmp/openai-request.http': savedRequest(key),
    },
    ignored: ['.env.local', '.next/static/chunks/pages/index-3a9f1c7e2d5b8046.js', 'out/_next/static/chunks/pages/index-3a9f1c7e2d5b8046.js', 'tmp/openai-request.http'],
    unread: ['tmp/openai-request.http'],
    expected: [
      ['public-env-secret', '.env.local', 'NEXT_PUBLIC_OPENAI_KEY=', 'high'],
      ['public-env-secret', 'pages/index.tsx', 'process.env.NEXT_PUBLIC_OPENAI_KEY', 'critical'],
      ['browser-llm-client', 'pages/index.tsx', 'https://api.openai.com', 'high'],
      ['client-bundle-secret', '.next/static/chunks/pages/index-3a9f1c7e2d5b8046.js', 'Bearer', 'critical'],
      ['client-bundle-secret', 'out/_next/static/chunks/pages/index-3a9f1c7e2d5b8046.js', 'Bearer', 'critical'],
    ],
  };
}

function nextPagesSafe(): Project {
  const key = fake.openaiProject('next-pages-safe');
  return {
    files: {
      'package.json': manifest('ask-pages', { ...NEXT_DEPS, '@stripe/stripe-js': '^5.4.0' }, NEXT_DEV, NEXT_SCRIPTS),
      '.gitignore': NEXT_GITIGNORE,
      'README.md': `# Ask (pages router)

Put \`OPENAI_API_KEY\` in \`.env.local\`. Do not use \`NEXT_PUBLIC_OPENAI_API_KEY\`: anything with the
\`NEXT_PUBLIC_\` prefix is compiled into the client bundle. \`pages/api/chat.ts\` calls OpenAI for the page.
`,
      'styles/globals.css': 'body { margin: 0; }\n',
      'pages/_app.tsx': nextPagesApp,
      'pages/index.tsx': `import { loadStripe } from '@stripe/stripe-js';
import { type FormEvent, useState } from 'react';

const stripePromise = loadStripe(process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY!);
const siteUrl = process.env.NEXT_PUBLIC_SITE_URL;

export default function Home() {
  const [reply, setReply] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const prompt = new FormData(event.currentTarget).get('prompt');
    const res = await fetch(\`\${siteUrl}/api/chat\`, { method: 'POST', body: JSON.stringify({ prompt }) });
    setReply((await res.json()).reply);
  }

  return (
    <form onSubmit={onSubmit}>
      <textarea name="prompt" />
      <p>{reply}</p>
    </form>
  );
}
`,
      'pages/api/chat.ts': `import type { NextApiRequest, NextApiResponse } from 'next';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const { prompt } = JSON.parse(req.body);
  const upstream = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\`,
    },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] }),
  });
  const data = await upstream.json();
  res.status(200).json({ reply: data.choices[0].message.content });
}
`,
      '.env.local': `OPENAI_API_KEY=${key}\nNEXT_PUBLIC_SITE_URL=https://ask.example.com\nNEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=${stripePublishable('next-pages-safe')}\n`,
      '.next/static/chunks/pages/index-c0d4e8a17f3b5926.js': `(self.webpackChunk_N_E=self.webpackChunk_N_E||[]).push([[332],{5557:(e,t,n)=>{"use strict";n.r(t),n.d(t,{default:()=>o});var s=n(4848),a=n(6540);let i=(0,n(1650).J)("${stripePublishable('next-pages-safe')}"),r="https://ask.example.com";function o(){let[e,t]=(0,a.useState)("");async function n(e){e.preventDefault();let n=new FormData(e.currentTarget).get("prompt"),s=await fetch("".concat(r,"/api/chat"),{method:"POST",body:JSON.stringify({prompt:n})});t((await s.json()).reply)}return(0,s.jsx)("form",{onSubmit:n})}}}]);\n`,
      '.next/server/pages/api/chat.js': `"use strict";(()=>{var e={};e.id=170,e.ids=[170],e.modules={2441:(e,t,r)=>{async function n(e,t){let r=JSON.parse(e.body),n=await fetch("https://api.openai.com/v1/chat/completions",{method:"POST",headers:{"Content-Type":"application/json",Authorization:\`Bearer \${process.env.OPENAI_API_KEY}\`}})}}};module.exports=e})();\n`,
    },
    ignored: ['.env.local', '.next/static/chunks/pages/index-c0d4e8a17f3b5926.js', '.next/server/pages/api/chat.js'],
  };
}

// --- Vite (React, Svelte, Vue) -------------------------------------------------------------

const VITE_SCRIPTS = { dev: 'vite', build: 'vite build', preview: 'vite preview' };
const viteIndexHtml = (entry: string, title: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <link rel="icon" type="image/svg+xml" href="/vite.svg" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>${title}</title>
  </head>
  <body>
    <div id="app"></div>
    <script type="module" src="${entry}"></script>
  </body>
</html>
`;
const viteBuiltHtml = (asset: string, title: string) =>
  `<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <title>${title}</title>\n    <script type="module" crossorigin src="/assets/${asset}"></script>\n  </head>\n  <body>\n    <div id="app"></div>\n  </body>\n</html>\n`;

const VITE_ENV_DTS = '/// <reference types="vite/client" />\n';
const REACT_VITE_DEPS = { react: '^18.3.1', 'react-dom': '^18.3.1' };
const REACT_VITE_DEV = { '@types/react': '^18.3.12', '@types/react-dom': '^18.3.1', '@vitejs/plugin-react': '^4.3.4', typescript: '~5.6.2', vite: '^6.0.5' };
const reactViteConfig = `import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// https://vite.dev/config/
export default defineConfig({
  plugins: [react()],
});
`;
const reactMain = `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App.tsx';

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
`;

function viteReactExposing(): Project {
  const key = fake.anthropic('vite-react');
  const gemini = fake.google('vite-react-gemini');
  return {
    files: {
      'package.json': manifest('claude-chat', { ...REACT_VITE_DEPS, '@anthropic-ai/sdk': '^0.33.1', '@google/genai': '^0.4.0' }, REACT_VITE_DEV, VITE_SCRIPTS),
      '.gitignore': VITE_GITIGNORE,
      'index.html': viteIndexHtml('/src/main.tsx', 'Claude chat'),
      'vite.config.ts': reactViteConfig,
      'src/main.tsx': reactMain,
      'src/vite-env.d.ts': VITE_ENV_DTS,
      'src/lib/claude.ts': `import Anthropic from '@anthropic-ai/sdk';

export const anthropic = new Anthropic({
  apiKey: import.meta.env.VITE_ANTHROPIC_API_KEY,
  dangerouslyAllowBrowser: true,
});
`,
      'src/lib/gemini.ts': `import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({ apiKey: import.meta.env.VITE_GEMINI_API_KEY });

export async function summarize(text: string): Promise<string | undefined> {
  const response = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: \`Summarize: \${text}\` });
  return response.text;
}
`,
      'src/App.tsx': `import { useState } from 'react';
import { anthropic } from './lib/claude';

export default function App() {
  const [reply, setReply] = useState('');

  async function send(prompt: string) {
    const message = await anthropic.messages.create({
      model: 'claude-3-5-sonnet-latest',
      max_tokens: 1024,
      messages: [{ role: 'user', content: prompt }],
    });
    setReply(message.content[0].type === 'text' ? message.content[0].text : '');
  }

  return (
    <main>
      <button onClick={() => send('Hello, Claude')}>Say hello</button>
      <p>{reply}</p>
    </main>
  );
}
`,
      '.env.local': `VITE_ANTHROPIC_API_KEY=${key}\nVITE_GEMINI_API_KEY=${gemini}\n`,
      'dist/index.html': viteBuiltHtml('index-BxW3k2aL.js', 'Claude chat'),
      'dist/assets/index-BxW3k2aL.js': `(function(){const t=document.createElement("link").relList;if(t&&t.supports&&t.supports("modulepreload"))return})();const Ph=new Qs({apiKey:"${key}",dangerouslyAllowBrowser:!0});function Mh(){const[e,t]=ve.useState("");async function n(r){const l=await Ph.messages.create({model:"claude-3-5-sonnet-latest",max_tokens:1024,messages:[{role:"user",content:r}]});t(l.content[0].type==="text"?l.content[0].text:"")}return pe.jsxs("main",{children:[pe.jsx("button",{onClick:()=>n("Hello, Claude"),children:"Say hello"}),pe.jsx("p",{children:e})]})}Xh.createRoot(document.getElementById("app")).render(pe.jsx(ve.StrictMode,{children:pe.jsx(Mh,{})}));\n`,
      'dist/assets/gemini-C8vTq3Wd.js': `const Jh=new Zu({apiKey:"${gemini}"});async function Kh(e){return(await Jh.models.generateContent({model:"gemini-2.0-flash",contents:\`Summarize: \${e}\`})).text}export{Kh as s};\n`,
    },
    ignored: ['.env.local', 'dist/index.html', 'dist/assets/index-BxW3k2aL.js', 'dist/assets/gemini-C8vTq3Wd.js'],
    expected: [
      ['public-env-secret', '.env.local', 'VITE_ANTHROPIC_API_KEY=', 'high'],
      ['public-env-secret', '.env.local', 'VITE_GEMINI_API_KEY=', 'high'],
      ['public-env-secret', 'src/lib/claude.ts', 'import.meta.env.VITE_ANTHROPIC_API_KEY', 'critical'],
      ['browser-llm-client', 'src/lib/claude.ts', 'dangerouslyAllowBrowser', 'high'],
      ['public-env-secret', 'src/lib/gemini.ts', 'import.meta.env.VITE_GEMINI_API_KEY', 'critical'],
      ['browser-llm-client', 'src/lib/gemini.ts', 'new GoogleGenAI', 'high'],
      ['client-bundle-secret', 'dist/assets/index-BxW3k2aL.js', 'apiKey:', 'critical'],
      ['client-bundle-secret', 'dist/assets/gemini-C8vTq3Wd.js', 'apiKey:', 'critical'],
    ],
  };
}

function viteReactSafe(): Project {
  const key = fake.anthropic('vite-react-safe');
  const gemini = fake.google('vite-react-safe-gemini');
  return {
    files: {
      // The key lives in a small server of the project's own (server/), behind Vite's dev proxy.
      'package.json': manifest('claude-chat', { ...REACT_VITE_DEPS, '@anthropic-ai/sdk': '^0.33.1', '@google/genai': '^0.4.0', express: '^4.21.2' }, REACT_VITE_DEV, { ...VITE_SCRIPTS, server: 'node server/index.js' }),
      '.gitignore': VITE_GITIGNORE,
      'README.md': `# Claude chat

The browser never sees the Anthropic key. Put \`ANTHROPIC_API_KEY\` in \`.env.local\` for \`server/index.js\`;
a \`VITE_ANTHROPIC_API_KEY\` would be inlined into \`dist/\` by \`vite build\`.
`,
      'index.html': viteIndexHtml('/src/main.tsx', 'Claude chat'),
      'vite.config.ts': `import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:3001' } },
});
`,
      'server/index.js': `import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import express from 'express';

const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY, dangerouslyAllowBrowser: true });
const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
const app = express();
app.use(express.json());

app.post('/api/chat', async (req, res) => {
  const message = await anthropic.messages.create({ model: 'claude-3-5-sonnet-latest', max_tokens: 1024, messages: [{ role: 'user', content: req.body.prompt }] });
  res.json({ reply: message.content[0].text });
});

app.post('/api/summarize', async (req, res) => {
  const response = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: req.body.text });
  res.json({ summary: response.text });
});

app.listen(3001);
`,
      'src/main.tsx': reactMain,
      'src/vite-env.d.ts': VITE_ENV_DTS,
      'src/App.tsx': `import { useState } from 'react';

const apiUrl = import.meta.env.VITE_API_URL ?? '';
const sentryDsn = import.meta.env.VITE_SENTRY_DSN;

export default function App() {
  const [reply, setReply] = useState('');

  async function send(prompt: string) {
    const res = await fetch(\`\${apiUrl}/api/chat\`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ prompt }) });
    setReply((await res.json()).reply);
  }

  return (
    <main data-sentry={sentryDsn}>
      <button onClick={() => send('Hello, Claude')}>Say hello</button>
      <p>{reply}</p>
    </main>
  );
}
`,
      '.env.local': `ANTHROPIC_API_KEY=${key}\nGEMINI_API_KEY=${gemini}\nVITE_API_URL=https://chat.example.com\nVITE_SENTRY_DSN=${sentryDsn('vite-react-safe')}\n`,
      'dist/index.html': viteBuiltHtml('index-Dq81mZpa.js', 'Claude chat'),
      'dist/assets/index-Dq81mZpa.js': `const Ph="https://chat.example.com",Qh="${sentryDsn('vite-react-safe')}";function Mh(){const[e,t]=ve.useState("");async function n(r){const l=await fetch(\`\${Ph}/api/chat\`,{method:"POST",headers:{"Content-Type":"application/json"},body:JSON.stringify({prompt:r})});t((await l.json()).reply)}return pe.jsx("main",{"data-sentry":Qh,children:e})}\n`,
    },
    ignored: ['.env.local', 'dist/assets/index-Dq81mZpa.js'],
  };
}

const SVELTE_VITE_DEV = { '@sveltejs/vite-plugin-svelte': '^5.0.3', svelte: '^5.15.0', 'svelte-check': '^4.1.1', typescript: '~5.6.2', vite: '^6.0.5' };

function viteSvelteExposing(): Project {
  const key = fake.openrouter('vite-svelte');
  return {
    files: {
      'package.json': manifest('router-chat', {}, SVELTE_VITE_DEV, VITE_SCRIPTS),
      '.gitignore': VITE_GITIGNORE + SCRATCH,
      'index.html': viteIndexHtml('/src/main.ts', 'Router chat'),
      'vite.config.ts': `import { defineConfig } from 'vite';\nimport { svelte } from '@sveltejs/vite-plugin-svelte';\n\nexport default defineConfig({\n  plugins: [svelte()],\n});\n`,
      'svelte.config.js': `import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';\n\nexport default { preprocess: vitePreprocess() };\n`,
      'src/vite-env.d.ts': `/// <reference types="svelte" />\n${VITE_ENV_DTS}`,
      'src/main.ts': `import { mount } from 'svelte';\nimport App from './App.svelte';\n\nconst app = mount(App, { target: document.getElementById('app')! });\n\nexport default app;\n`,
      'src/App.svelte': `<script lang="ts">
  let prompt = $state('');
  let reply = $state('');

  async function send() {
    const res = await fetch('https://openrouter.ai/api/v1/chat/completions', {
      method: 'POST',
      headers: {
        Authorization: \`Bearer \${import.meta.env.VITE_OPENROUTER_API_KEY}\`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ model: 'meta-llama/llama-3.1-8b-instruct', messages: [{ role: 'user', content: prompt }] }),
    });
    reply = (await res.json()).choices[0].message.content;
  }
</script>

<main>
  <textarea bind:value={prompt}></textarea>
  <button onclick={send}>Send</button>
  <p>{reply}</p>
</main>
`,
      '.env.local': `VITE_OPENROUTER_API_KEY=${key}\n`,
      'dist/index.html': viteBuiltHtml('index-D3kq9x1Z.js', 'Router chat'),
      'dist/assets/index-D3kq9x1Z.js': `var Ut=Object.defineProperty;function fn(e){let t=Oe(""),n=Oe("");async function r(){const o=await fetch("https://openrouter.ai/api/v1/chat/completions",{method:"POST",headers:{Authorization:"Bearer ${key}","Content-Type":"application/json"},body:JSON.stringify({model:"meta-llama/llama-3.1-8b-instruct",messages:[{role:"user",content:g(t)}]})});B(n,(await o.json()).choices[0].message.content,!0)}var s=Zt();ie(s)}const an=tn(fn,{target:document.getElementById("app")});\n`,
      'tmp/openrouter.http': `POST https://openrouter.ai/api/v1/chat/completions\nAuthorization: Bearer ${key}\n`,
    },
    ignored: ['.env.local', 'dist/assets/index-D3kq9x1Z.js', 'tmp/openrouter.http'],
    unread: ['tmp/openrouter.http'],
    expected: [
      ['public-env-secret', '.env.local', 'VITE_OPENROUTER_API_KEY=', 'high'],
      ['public-env-secret', 'src/App.svelte', 'import.meta.env.VITE_OPENROUTER_API_KEY', 'critical'],
      ['browser-llm-client', 'src/App.svelte', 'https://openrouter.ai/api', 'high'],
      ['client-bundle-secret', 'dist/assets/index-D3kq9x1Z.js', 'Bearer', 'critical'],
    ],
  };
}

function viteSvelteSafe(): Project {
  const key = fake.openrouter('vite-svelte-safe');
  return {
    files: {
      'package.json': manifest('router-chat', {}, SVELTE_VITE_DEV, VITE_SCRIPTS),
      '.gitignore': VITE_GITIGNORE,
      'README.md': '# Router chat\n\n`VITE_OPENROUTER_API_KEY` would be public: keep `OPENROUTER_API_KEY` in the Netlify function only.\n',
      'index.html': viteIndexHtml('/src/main.ts', 'Router chat'),
      'vite.config.ts': `import { defineConfig } from 'vite';\nimport { svelte } from '@sveltejs/vite-plugin-svelte';\n\nexport default defineConfig({\n  plugins: [svelte()],\n});\n`,
      'src/main.ts': `import { mount } from 'svelte';\nimport App from './App.svelte';\n\nexport default mount(App, { target: document.getElementById('app')! });\n`,
      'src/App.svelte': `<script lang="ts">
  let prompt = $state('');
  let reply = $state('');
  const model = import.meta.env.VITE_OPENROUTER_MODEL;

  async function send() {
    const res = await fetch('/.netlify/functions/chat', { method: 'POST', body: JSON.stringify({ prompt, model }) });
    reply = (await res.json()).reply;
  }
</script>

<textarea bind:value={prompt}></textarea>
<button onclick={send}>Send</button>
<p>{reply}</p>
`,
      'netlify/functions/chat.ts': `export default async (req: Request) => {
  const { prompt, model } = await req.json();
  const res = await fetch('https://openrouter.ai/api/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${process.env.OPENROUTER_API_KEY}\`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: prompt }] }),
  });
  return Response.json({ reply: (await res.json()).choices[0].message.content });
};
`,
      '.env.local': `OPENROUTER_API_KEY=${key}\nVITE_OPENROUTER_MODEL=meta-llama/llama-3.1-8b-instruct\n`,
      'dist/assets/index-Bn4c8QwE.js': `function fn(e){let t=Oe(""),n=Oe("");const o="meta-llama/llama-3.1-8b-instruct";async function r(){const s=await fetch("/.netlify/functions/chat",{method:"POST",body:JSON.stringify({prompt:g(t),model:o})});B(n,(await s.json()).reply,!0)}}\n`,
    },
    ignored: ['.env.local', 'dist/assets/index-Bn4c8QwE.js'],
  };
}

const VUE_VITE_DEV = { '@vitejs/plugin-vue': '^5.2.1', typescript: '~5.6.2', vite: '^6.0.5', 'vue-tsc': '^2.2.0' };
const vueViteConfig = `import { defineConfig } from 'vite';\nimport vue from '@vitejs/plugin-vue';\n\n// https://vite.dev/config/\nexport default defineConfig({\n  plugins: [vue()],\n});\n`;
const vueMain = `import { createApp } from 'vue';\nimport App from './App.vue';\n\ncreateApp(App).mount('#app');\n`;

function viteVueExposing(): Project {
  const key = fake.groq('vite-vue');
  const configKey = fake.groq('vite-vue-runtime-config');
  return {
    files: {
      'package.json': manifest('groq-chat', { vue: '^3.5.13', 'groq-sdk': '^0.9.1' }, VUE_VITE_DEV, VITE_SCRIPTS),
      '.gitignore': VITE_GITIGNORE,
      'index.html': viteIndexHtml('/src/main.ts', 'Groq chat').replace('<script type="module"', '<script src="/config.js"></script>\n    <script type="module"'),
      'vite.config.ts': vueViteConfig,
      'src/main.ts': vueMain,
      'src/vite-env.d.ts': VITE_ENV_DTS,
      'src/App.vue': `<script setup lang="ts">
import ChatBox from './components/ChatBox.vue';
</script>

<template>
  <ChatBox />
</template>
`,
      'src/components/ChatBox.vue': `<script setup lang="ts">
import Groq from 'groq-sdk';
import { ref } from 'vue';

const groq = new Groq({ apiKey: import.meta.env.VITE_GROQ_API_KEY, dangerouslyAllowBrowser: true });
const prompt = ref('');
const reply = ref('');

async function send() {
  const completion = await groq.chat.completions.create({
    model: 'llama-3.3-70b-versatile',
    messages: [{ role: 'user', content: prompt.value }],
  });
  reply.value = completion.choices[0]?.message?.content ?? '';
}
</script>

<template>
  <textarea v-model="prompt" />
  <button @click="send">Send</button>
  <p>{{ reply }}</p>
</template>
`,
      // Runtime configuration served beside the app, so that one build fits every deployment.
      'src/lib/transcribe.ts': `declare global {
  interface Window {
    __APP_CONFIG__: { groqApiKey: string };
  }
}

export async function transcribe(audio: Blob): Promise<string> {
  const form = new FormData();
  form.append('file', audio, 'speech.webm');
  form.append('model', 'whisper-large-v3');
  const res = await fetch('https://api.groq.com/openai/v1/audio/transcriptions', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${window.__APP_CONFIG__.groqApiKey}\` },
    body: form,
  });
  return (await res.json()).text;
}
`,
      'public/config.js': `window.__APP_CONFIG__ = {\n  groqApiKey: '${configKey}',\n};\n`,
      '.env.local': `VITE_GROQ_API_KEY=${key}\n`,
      'dist/index.html': viteBuiltHtml('index-CwYq7Lr2.js', 'Groq chat'),
      'dist/config.js': `window.__APP_CONFIG__ = {\n  groqApiKey: '${configKey}',\n};\n`,
      'dist/assets/index-CwYq7Lr2.js': `const ko=new Sa({apiKey:"${key}",dangerouslyAllowBrowser:!0}),Ao=jt({__name:"ChatBox",setup(e){const t=pt(""),n=pt("");async function s(){var r,l;const o=await ko.chat.completions.create({model:"llama-3.3-70b-versatile",messages:[{role:"user",content:t.value}]});n.value=((l=(r=o.choices[0])==null?void 0:r.message)==null?void 0:l.content)??""}return(o,r)=>(Ct(),xt(Mt,null,[Ue(ze("textarea",{"onUpdate:modelValue":r[0]||(r[0]=l=>t.value=l)},null,512),[[Hs,t.value]]),ze("button",{onClick:s},"Send"),ze("p",null,Ls(n.value),1)],64))}});async function Po(e){const t=new FormData;return t.append("file",e,"speech.webm"),t.append("model","whisper-large-v3"),(await(await fetch("https://api.groq.com/openai/v1/audio/transcriptions",{method:"POST",headers:{Authorization:\`Bearer \${window.__APP_CONFIG__.groqApiKey}\`},body:t})).json()).text}ts(Ao).mount("#app");\n`,
    },
    ignored: ['.env.local', 'dist/config.js', 'dist/assets/index-CwYq7Lr2.js'],
    expected: [
      ['public-env-secret', '.env.local', 'VITE_GROQ_API_KEY=', 'high'],
      ['public-env-secret', 'src/components/ChatBox.vue', 'import.meta.env.VITE_GROQ_API_KEY', 'critical'],
      ['browser-llm-client', 'src/components/ChatBox.vue', 'dangerouslyAllowBrowser', 'high'],
      ['browser-llm-client', 'src/lib/transcribe.ts', 'https://api.groq.com', 'critical'],
      ['client-bundle-secret', 'public/config.js', 'groqApiKey:', 'critical'],
      ['client-bundle-secret', 'dist/config.js', 'groqApiKey:', 'critical'],
      ['client-bundle-secret', 'dist/assets/index-CwYq7Lr2.js', 'apiKey:', 'critical'],
    ],
  };
}

function viteVueSafe(): Project {
  const key = fake.groq('vite-vue-safe');
  return {
    files: {
      'package.json': manifest('groq-chat', { vue: '^3.5.13' }, VUE_VITE_DEV, VITE_SCRIPTS),
      '.gitignore': `${VITE_GITIGNORE}\n# wrangler\n.wrangler\n.dev.vars*\n`,
      'README.md': '# Groq chat\n\nDo not add `VITE_GROQ_API_KEY`: Vite exposes every `VITE_` variable to the browser. The worker in `functions/` holds `GROQ_API_KEY`.\n',
      'index.html': viteIndexHtml('/src/main.ts', 'Groq chat'),
      'vite.config.ts': vueViteConfig,
      'src/main.ts': vueMain,
      'src/App.vue': `<script setup lang="ts">
import { ref } from 'vue';

const prompt = ref('');
const reply = ref('');
const posthogKey = import.meta.env.VITE_POSTHOG_KEY;
const mapboxToken = import.meta.env.VITE_MAPBOX_TOKEN;

async function send() {
  const res = await fetch('/api/chat', { method: 'POST', body: JSON.stringify({ prompt: prompt.value }) });
  reply.value = (await res.json()).reply;
}
</script>

<template>
  <textarea v-model="prompt" />
  <button @click="send">Send</button>
  <p>{{ reply }}</p>
</template>
`,
      'functions/api/chat.ts': `import Groq from 'groq-sdk';

interface Env { GROQ_API_KEY: string }

export const onRequestPost: PagesFunction<Env> = async ({ request, env }) => {
  // Cloudflare's runtime looks like a browser to the SDK.
  const groq = new Groq({ apiKey: env.GROQ_API_KEY, dangerouslyAllowBrowser: true });
  const { prompt } = await request.json<{ prompt: string }>();
  const completion = await groq.chat.completions.create({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: prompt }] });
  return Response.json({ reply: completion.choices[0]?.message?.content });
};
`,
      // wrangler pages dev reads the function's secrets from .dev.vars.
      '.dev.vars': `GROQ_API_KEY=${key}\n`,
      '.env.local': `VITE_POSTHOG_KEY=phc_${fake.token('vite-vue-posthog', 43)}\nVITE_MAPBOX_TOKEN=${mapboxToken('vite-vue-safe')}\n`,
      'dist/assets/index-Ha2QpX9m.js': `const Ao=jt({__name:"App",setup(e){const t=pt(""),n=pt(""),s="phc_${fake.token('vite-vue-posthog', 43)}",o="${mapboxToken('vite-vue-safe')}";async function r(){const l=await fetch("/api/chat",{method:"POST",body:JSON.stringify({prompt:t.value})});n.value=(await l.json()).reply}return(l,a)=>(Ct(),xt(Mt,null,[],64))}});ts(Ao).mount("#app");\n`,
    },
    ignored: ['.env.local', '.dev.vars', 'dist/assets/index-Ha2QpX9m.js'],
  };
}

// --- Create React App --------------------------------------------------------------------

function craExposing(): Project {
  const envKey = fake.openaiProject('cra-env');
  const literal = fake.openaiProject('cra-literal');
  const main = 'build/static/js/main.8f2c1a4b.js';
  const imageGenerator = `import { useState } from 'react';

// TODO: move to .env before launch
const OPENAI_KEY = '${literal}';

export default function ImageGenerator() {
  const [url, setUrl] = useState(null);

  async function generate(prompt) {
    const res = await fetch('https://api.openai.com/v1/images/generations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + OPENAI_KEY },
      body: JSON.stringify({ model: 'dall-e-3', prompt, n: 1, size: '1024x1024' }),
    });
    setUrl((await res.json()).data[0].url);
  }

  return <button onClick={() => generate('a red fox')}>{url ? <img src={url} alt="" /> : 'Generate'}</button>;
}
`;
  return {
    files: {
      'package.json': `${JSON.stringify(
        {
          name: 'gpt-helper',
          version: '0.1.0',
          private: true,
          dependencies: { react: '^18.3.1', 'react-dom': '^18.3.1', 'react-scripts': '5.0.1', 'web-vitals': '^2.1.4' },
          scripts: { start: 'react-scripts start', build: 'react-scripts build', test: 'react-scripts test', eject: 'react-scripts eject' },
          eslintConfig: { extends: ['react-app', 'react-app/jest'] },
          browserslist: { production: ['>0.2%', 'not dead', 'not op_mini all'], development: ['last 1 chrome version'] },
        },
        null,
        2,
      )}\n`,
      '.gitignore': CRA_GITIGNORE,
      'public/index.html': '<!DOCTYPE html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n    <title>GPT helper</title>\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n',
      'public/manifest.json': '{ "short_name": "GPT helper", "name": "GPT helper", "start_url": ".", "display": "standalone" }\n',
      'src/index.js': `import React from 'react';\nimport ReactDOM from 'react-dom/client';\nimport App from './App';\n\nconst root = ReactDOM.createRoot(document.getElementById('root'));\nroot.render(\n  <React.StrictMode>\n    <App />\n  </React.StrictMode>\n);\n`,
      'src/App.js': `import { useState } from 'react';
import ImageGenerator from './components/ImageGenerator';
import './App.css';

const OPENAI_URL = 'https://api.openai.com/v1/chat/completions';

function App() {
  const [reply, setReply] = useState('');

  async function ask(prompt) {
    const res = await fetch(OPENAI_URL, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: \`Bearer \${process.env.REACT_APP_OPENAI_API_KEY}\`,
      },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] }),
    });
    setReply((await res.json()).choices[0].message.content);
  }

  return (
    <div className="App">
      <button onClick={() => ask('Tell me a joke')}>Ask</button>
      <p>{reply}</p>
      <ImageGenerator />
    </div>
  );
}

export default App;
`,
      'src/App.css': '.App { text-align: center; }\n',
      'src/components/ImageGenerator.js': imageGenerator,
      '.env.local': `REACT_APP_OPENAI_API_KEY=${envKey}\n`,
      'build/index.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"/><title>GPT helper</title><script defer="defer" src="/static/js/main.8f2c1a4b.js"></script></head><body><div id="root"></div></body></html>',
      [main]: `/*! For license information please see main.8f2c1a4b.js.LICENSE.txt */\n(()=>{"use strict";var e={463:(e,t,n)=>{var r=n(43)}};const s="${literal}";function o(){const[e,t]=(0,r.useState)(null);return(0,a.jsx)("button",{onClick:()=>async function(e){const n=await fetch("https://api.openai.com/v1/images/generations",{method:"POST",headers:{"Content-Type":"application/json",Authorization:"Bearer "+s},body:JSON.stringify({model:"dall-e-3",prompt:e,n:1,size:"1024x1024"})});t((await n.json()).data[0].url)}("a red fox")})}const i="https://api.openai.com/v1/chat/completions";const c=function(){const[e,t]=(0,r.useState)("");return(0,a.jsxs)("div",{className:"App",children:[(0,a.jsx)("button",{onClick:()=>async function(e){const n=await fetch(i,{method:"POST",headers:{"Content-Type":"application/json",Authorization:"Bearer ${envKey}"},body:JSON.stringify({model:"gpt-4o-mini",messages:[{role:"user",content:e}]})});t((await n.json()).choices[0].message.content)}("Tell me a joke")}),(0,a.jsx)(o,{})]})};l.createRoot(document.getElementById("root")).render((0,a.jsx)(c,{}))})();\n//# sourceMappingURL=main.8f2c1a4b.js.map\n`,
      [`${main}.map`]: `${JSON.stringify({ version: 3, file: 'static/js/main.8f2c1a4b.js', mappings: 'AAAA,IAAMA', sources: ['components/ImageGenerator.js'], sourcesContent: [imageGenerator], names: ['OPENAI_KEY'] })}\n`,
      // Jest's coverage report holds a copy of every source file it covered.
      'coverage/lcov-report/src/components/ImageGenerator.js.html': `<!doctype html><html><body><pre class="prettyprint lang-js">${imageGenerator}</pre></body></html>\n`,
    },
    ignored: ['.env.local', main, `${main}.map`, 'coverage/lcov-report/src/components/ImageGenerator.js.html'],
    unread: ['coverage/lcov-report/src/components/ImageGenerator.js.html'],
    expected: [
      ['public-env-secret', '.env.local', 'REACT_APP_OPENAI_API_KEY=', 'high'],
      ['public-env-secret', 'src/App.js', 'process.env.REACT_APP_OPENAI_API_KEY', 'critical'],
      ['browser-llm-client', 'src/App.js', "const OPENAI_URL = 'https://api.openai.com", 'high'],
      ['browser-llm-client', 'src/components/ImageGenerator.js', 'https://api.openai.com', 'critical'],
      ['client-bundle-secret', main, 'const s=', 'critical'],
      ['client-bundle-secret', main, 'const s=', 'critical'],
      ['client-bundle-secret', `${main}.map`, 'sourcesContent', 'critical'],
    ],
    others: ['openai-api-key src/components/ImageGenerator.js'],
  };
}

function craSafe(): Project {
  const key = fake.openaiProject('cra-safe');
  return {
    files: {
      'package.json': `${JSON.stringify(
        {
          name: 'gpt-helper',
          version: '0.1.0',
          private: true,
          proxy: 'http://localhost:4000',
          dependencies: { react: '^18.3.1', 'react-dom': '^18.3.1', 'react-scripts': '5.0.1', express: '^4.21.2', openai: '^4.77.0' },
          scripts: { start: 'react-scripts start', build: 'react-scripts build', server: 'node server/index.js' },
        },
        null,
        2,
      )}\n`,
      '.gitignore': CRA_GITIGNORE,
      'README.md': '# GPT helper\n\nCreate React App bakes every `REACT_APP_` variable into `build/`, so `REACT_APP_OPENAI_API_KEY` must never exist. The Express server in `server/` reads `OPENAI_API_KEY`.\n',
      'public/index.html': '<!DOCTYPE html>\n<html lang="en">\n  <head><meta charset="utf-8" /><title>GPT helper</title></head>\n  <body><div id="root"></div></body>\n</html>\n',
      'src/index.js': `import React from 'react';\nimport ReactDOM from 'react-dom/client';\nimport App from './App';\n\nReactDOM.createRoot(document.getElementById('root')).render(<App />);\n`,
      'src/App.js': `import { useState } from 'react';

const recaptchaSiteKey = process.env.REACT_APP_RECAPTCHA_SITE_KEY;
const gaId = process.env.REACT_APP_GA_MEASUREMENT_ID;

function App() {
  const [reply, setReply] = useState('');

  async function ask(prompt) {
    const res = await fetch('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ prompt }) });
    setReply((await res.json()).reply);
  }

  return (
    <div className="App" data-sitekey={recaptchaSiteKey} data-ga={gaId}>
      <button onClick={() => ask('Tell me a joke')}>Ask</button>
      <p>{reply}</p>
    </div>
  );
}

export default App;
`,
      'server/index.js': `const express = require('express');
const OpenAI = require('openai');

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const app = express();
app.use(express.json());

app.post('/api/chat', async (req, res) => {
  const r = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: req.body.prompt }] }),
  });
  res.json({ reply: (await r.json()).choices[0].message.content });
});

app.listen(4000);
`,
      '.env.local': `OPENAI_API_KEY=${key}\nREACT_APP_RECAPTCHA_SITE_KEY=${recaptchaSiteKey('cra-safe')}\nREACT_APP_GA_MEASUREMENT_ID=${gaMeasurementId('cra-safe')}\n`,
      'build/static/js/main.5e0b7d2c.js': `/*! For license information please see main.5e0b7d2c.js.LICENSE.txt */\n(()=>{"use strict";const s="${recaptchaSiteKey('cra-safe')}",o="${gaMeasurementId('cra-safe')}";const c=function(){const[e,t]=(0,r.useState)("");return(0,a.jsx)("div",{className:"App","data-sitekey":s,"data-ga":o})}})();\n`,
    },
    ignored: ['.env.local', 'build/static/js/main.5e0b7d2c.js'],
  };
}

// --- SvelteKit -----------------------------------------------------------------------------

const SVELTEKIT_DEV = {
  '@sveltejs/adapter-node': '^5.2.11',
  '@sveltejs/kit': '^2.15.1',
  '@sveltejs/vite-plugin-svelte': '^5.0.3',
  svelte: '^5.16.0',
  'svelte-check': '^4.1.1',
  typescript: '^5.7.2',
  vite: '^6.0.6',
};
const SVELTEKIT_SCRIPTS = { dev: 'vite dev', build: 'vite build', preview: 'vite preview', check: 'svelte-kit sync && svelte-check --tsconfig ./tsconfig.json' };
const svelteConfig = `import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: { adapter: adapter() },
};

export default config;
`;
const sveltekitViteConfig = `import { sveltekit } from '@sveltejs/kit/vite';\nimport { defineConfig } from 'vite';\n\nexport default defineConfig({\n  plugins: [sveltekit()],\n});\n`;

function sveltekitExposing(): Project {
  const key = fake.openaiProject('sveltekit');
  const clientNode = `import{a as s,t as l}from"../chunks/disclose-version.Cm2T4dxk.js";import{O as d}from"../chunks/openai.B8mQ2xLd.js";const p="${key}",u=new d({apiKey:p,dangerouslyAllowBrowser:!0});function h(e){let t=s(""),n=s("");async function r(){const o=await u.chat.completions.create({model:"gpt-4o-mini",messages:[{role:"user",content:l(t)}]});n.set(o.choices[0].message.content??"")}}export{h as component};\n`;
  return {
    files: {
      'package.json': manifest('ask-kit', { openai: '^4.77.0' }, SVELTEKIT_DEV, SVELTEKIT_SCRIPTS),
      '.gitignore': SVELTEKIT_GITIGNORE,
      '.env.example': 'PUBLIC_OPENAI_API_KEY=\n',
      'svelte.config.js': svelteConfig,
      'vite.config.ts': sveltekitViteConfig,
      'src/app.html': '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n    %sveltekit.head%\n  </head>\n  <body data-sveltekit-preload-data="hover">\n    <div style="display: contents">%sveltekit.body%</div>\n  </body>\n</html>\n',
      'src/routes/+layout.svelte': `<script lang="ts">\n  let { children } = $props();\n</script>\n\n{@render children()}\n`,
      'src/routes/+page.svelte': `<script lang="ts">
  import OpenAI from 'openai';
  import { PUBLIC_OPENAI_API_KEY } from '$env/static/public';

  const openai = new OpenAI({ apiKey: PUBLIC_OPENAI_API_KEY, dangerouslyAllowBrowser: true });

  let prompt = $state('');
  let answer = $state('');

  async function ask() {
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: prompt }],
    });
    answer = completion.choices[0].message.content ?? '';
  }
</script>

<textarea bind:value={prompt}></textarea>
<button onclick={ask}>Ask</button>
<p>{answer}</p>
`,
      '.env': `PUBLIC_OPENAI_API_KEY=${key}\n`,
      '.svelte-kit/output/client/_app/immutable/nodes/2.BkX8c1dQ.js': clientNode,
      '.svelte-kit/output/server/entries/pages/_page.svelte.js': `import{P as p}from"../../chunks/public.js";const PUBLIC_OPENAI_API_KEY="${key}";function _page($$payload){new p({apiKey:PUBLIC_OPENAI_API_KEY,dangerouslyAllowBrowser:true})}export{_page as default};\n`,
      // adapter-node copies the client output to build/client and the server output to build/server.
      'build/client/_app/immutable/nodes/2.BkX8c1dQ.js': clientNode,
      'build/server/chunks/_page.svelte-Dq3mK0x1.js': `const PUBLIC_OPENAI_API_KEY="${key}";function _page($$payload){}export{_page as default};\n`,
      'build/index.js': `import{handler}from"./handler.js";import{env}from"./env.js";import polka from"polka";const path=env("SOCKET_PATH",false),host=env("HOST","0.0.0.0"),port=env("PORT",!path&&"3000");polka().use(handler).listen({path,host,port});\n`,
    },
    ignored: [
      '.env',
      '.svelte-kit/output/client/_app/immutable/nodes/2.BkX8c1dQ.js',
      '.svelte-kit/output/server/entries/pages/_page.svelte.js',
      'build/client/_app/immutable/nodes/2.BkX8c1dQ.js',
      'build/server/chunks/_page.svelte-Dq3mK0x1.js',
    ],
    unread: ['.svelte-kit/output/server/entries/pages/_page.svelte.js', 'build/server/chunks/_page.svelte-Dq3mK0x1.js'],
    expected: [
      ['public-env-secret', '.env', 'PUBLIC_OPENAI_API_KEY=', 'high'],
      // The tracked template asks every developer for a public secret: reported, without a value.
      ['public-env-secret', '.env.example', 'PUBLIC_OPENAI_API_KEY=', 'high'],
      ['public-env-secret', 'src/routes/+page.svelte', "from '$env/static/public'", 'critical'],
      ['browser-llm-client', 'src/routes/+page.svelte', 'dangerouslyAllowBrowser', 'high'],
      ['client-bundle-secret', '.svelte-kit/output/client/_app/immutable/nodes/2.BkX8c1dQ.js', 'const p=', 'critical'],
      ['client-bundle-secret', 'build/client/_app/immutable/nodes/2.BkX8c1dQ.js', 'const p=', 'critical'],
    ],
  };
}

function sveltekitSafe(): Project {
  const key = fake.openaiProject('sveltekit-safe');
  const anthropic = fake.anthropic('sveltekit-safe');
  const anon = supabaseAnon('sveltekit-safe');
  const serverChunk = `const OPENAI_API_KEY="${key}";const ANTHROPIC_API_KEY="${anthropic}";export{ANTHROPIC_API_KEY as A,OPENAI_API_KEY as O};\n`;
  const clientNode = `import{a as s,t as l}from"../chunks/disclose-version.Cm2T4dxk.js";const u="https://abcdefghijklmnopqrst.supabase.co",c="${anon}";function h(e){let t=s(""),n=s("");async function r(){const o=await fetch("/api/chat",{method:"POST",body:JSON.stringify({prompt:l(t)})});n.set((await o.json()).answer)}}export{h as component};\n`;
  return {
    files: {
      'package.json': manifest('ask-kit', { openai: '^4.77.0', '@supabase/supabase-js': '^2.47.10' }, SVELTEKIT_DEV, SVELTEKIT_SCRIPTS),
      '.gitignore': SVELTEKIT_GITIGNORE,
      '.env.example': 'OPENAI_API_KEY=\nANTHROPIC_API_KEY=\nPUBLIC_SUPABASE_URL=\nPUBLIC_SUPABASE_ANON_KEY=\n',
      'README.md': '# Ask\n\nKeys go in `.env` without a prefix: `PUBLIC_OPENAI_API_KEY` would be readable through `$env/static/public` in the browser.\n',
      'svelte.config.js': svelteConfig,
      'vite.config.ts': sveltekitViteConfig,
      'src/lib/server/openai.ts': `import OpenAI from 'openai';
import { OPENAI_API_KEY } from '$env/static/private';

// Shared with the edge adapter, where the SDK thinks it runs in a browser.
export const openai = new OpenAI({ apiKey: OPENAI_API_KEY, dangerouslyAllowBrowser: true });
`,
      'src/lib/supabase.ts': `import { createClient } from '@supabase/supabase-js';
import { PUBLIC_SUPABASE_ANON_KEY, PUBLIC_SUPABASE_URL } from '$env/static/public';

export const supabase = createClient(PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_ANON_KEY);
`,
      'src/routes/api/chat/+server.ts': `import { json } from '@sveltejs/kit';
import { openai } from '$lib/server/openai';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request }) => {
  const { prompt } = await request.json();
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
  return json({ answer: completion.choices[0].message.content });
};
`,
      'src/routes/+page.server.ts': `import { ANTHROPIC_API_KEY } from '$env/static/private';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const res = await fetch('https://api.anthropic.com/v1/messages', {
    method: 'POST',
    headers: { 'x-api-key': ANTHROPIC_API_KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'claude-3-5-haiku-latest', max_tokens: 64, messages: [{ role: 'user', content: 'A tip of the day' }] }),
  });
  return { tip: (await res.json()).content[0].text as string };
};
`,
      'src/routes/+page.svelte': `<script lang="ts">
  import { supabase } from '$lib/supabase';

  let { data } = $props();
  let prompt = $state('');
  let answer = $state('');

  async function ask() {
    const res = await fetch('/api/chat', { method: 'POST', body: JSON.stringify({ prompt }) });
    answer = (await res.json()).answer;
  }
</script>

<p>{data.tip}</p>
<textarea bind:value={prompt}></textarea>
<button onclick={ask}>Ask</button>
<p>{answer}</p>
`,
      '.env': `OPENAI_API_KEY=${key}\nANTHROPIC_API_KEY=${anthropic}\nPUBLIC_SUPABASE_URL=https://abcdefghijklmnopqrst.supabase.co\nPUBLIC_SUPABASE_ANON_KEY=${anon}\n`,
      // $env/static/private is inlined into the server build, never into the client's.
      '.svelte-kit/output/client/_app/immutable/nodes/2.Xo9qL4bE.js': clientNode,
      '.svelte-kit/output/server/chunks/private.js': serverChunk,
      'build/client/_app/immutable/nodes/2.Xo9qL4bE.js': clientNode,
      'build/server/chunks/private.js': serverChunk,
    },
    ignored: ['.env', '.svelte-kit/output/client/_app/immutable/nodes/2.Xo9qL4bE.js', '.svelte-kit/output/server/chunks/private.js', 'build/client/_app/immutable/nodes/2.Xo9qL4bE.js', 'build/server/chunks/private.js'],
    unread: ['.svelte-kit/output/server/chunks/private.js', 'build/server/chunks/private.js'],
  };
}

// --- Nuxt ----------------------------------------------------------------------------------

const NUXT_DEPS = { nuxt: '^3.15.0', vue: 'latest', 'vue-router': 'latest' };
const NUXT_SCRIPTS = { build: 'nuxt build', dev: 'nuxt dev', generate: 'nuxt generate', preview: 'nuxt preview', postinstall: 'nuxt prepare' };
const nuxtHtml = (config: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ask</title><link rel="modulepreload" as="script" crossorigin href="/_nuxt/Bx7k2LmQ.js"></head><body><div id="__nuxt"></div><script type="application/json" data-nuxt-data="nuxt-app" data-ssr="false" id="__NUXT_DATA__">[{"serverRendered":1},false]</script>\n<script>window.__NUXT__={};window.__NUXT__.config=${config}</script><script type="module" src="/_nuxt/Bx7k2LmQ.js" crossorigin></script></body></html>\n`;

function nuxtExposing(): Project {
  const key = fake.openaiProject('nuxt');
  return {
    files: {
      'package.json': manifest('ask-nuxt', NUXT_DEPS, {}, NUXT_SCRIPTS),
      '.gitignore': NUXT_GITIGNORE,
      'nuxt.config.ts': `// https://nuxt.com/docs/api/configuration/nuxt-config
export default defineNuxtConfig({
  compatibilityDate: '2024-11-01',
  devtools: { enabled: true },
  ssr: false,
  runtimeConfig: {
    public: {
      openaiApiKey: '', // set by NUXT_PUBLIC_OPENAI_API_KEY
    },
  },
});
`,
      'app.vue': '<template>\n  <NuxtPage />\n</template>\n',
      'pages/index.vue': '<template>\n  <main>\n    <ChatBox />\n  </main>\n</template>\n',
      'components/ChatBox.vue': `<script setup lang="ts">
const config = useRuntimeConfig();
const prompt = ref('');
const reply = ref('');

async function send() {
  const res = await $fetch<{ choices: { message: { content: string } }[] }>('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${config.public.openaiApiKey}\` },
    body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt.value }] },
  });
  reply.value = res.choices[0].message.content;
}
</script>

<template>
  <textarea v-model="prompt" />
  <button @click="send">Send</button>
  <p>{{ reply }}</p>
</template>
`,
      '.env': `NUXT_PUBLIC_OPENAI_API_KEY=${key}\n`,
      // nuxt generate: the public runtime config is written into every page.
      '.output/public/index.html': nuxtHtml(`{public:{openaiApiKey:"${key}"},app:{baseURL:"/",buildId:"0c5e8a1f-3b7d-4e92-a6c1-8d2f4b9e7a30",buildAssetsDir:"/_nuxt/",cdnURL:""}}`),
      '.output/public/_nuxt/Bx7k2LmQ.js': `const b=ft({__name:"ChatBox",setup(e){const t=ue(),n=R(""),s=R("");async function o(){const a=await $fetch("https://api.openai.com/v1/chat/completions",{method:"POST",headers:{Authorization:\`Bearer \${t.public.openaiApiKey}\`},body:{model:"gpt-4o-mini",messages:[{role:"user",content:n.value}]}});s.value=a.choices[0].message.content}return(a,r)=>(B(),Y(ne,null,[],64))}});export{b as default};\n`,
      '.output/server/chunks/nitro/nitro.mjs': `const _inlineRuntimeConfig = {"app":{"baseURL":"/","buildAssetsDir":"/_nuxt/","cdnURL":""},"nitro":{"routeRules":{}},"public":{"openaiApiKey":"${key}"}};\n`,
      '.nuxt/nuxt.d.ts': '/// <reference types="nuxt" />\n',
    },
    // nuxt generate links dist to .output/public.
    links: { dist: '.output/public' },
    ignored: ['.env', '.output/public/index.html', '.output/server/chunks/nitro/nitro.mjs'],
    unread: ['.output/server/chunks/nitro/nitro.mjs', 'dist/index.html'],
    expected: [
      ['public-env-secret', '.env', 'NUXT_PUBLIC_OPENAI_API_KEY=', 'high'],
      ['browser-llm-client', 'components/ChatBox.vue', 'https://api.openai.com', 'high'],
      ['client-bundle-secret', '.output/public/index.html', 'window.__NUXT__.config', 'critical'],
    ],
  };
}

function nuxtSafe(): Project {
  const key = fake.openaiProject('nuxt-safe');
  return {
    files: {
      'package.json': manifest('ask-nuxt', NUXT_DEPS, {}, NUXT_SCRIPTS),
      '.gitignore': NUXT_GITIGNORE,
      'README.md': '# Ask\n\nSet `NUXT_OPENAI_API_KEY` (server only). `NUXT_PUBLIC_OPENAI_API_KEY` would put the key in every page.\n',
      'nuxt.config.ts': `export default defineNuxtConfig({
  compatibilityDate: '2024-11-01',
  runtimeConfig: {
    openaiApiKey: process.env.OPENAI_API_KEY,
    public: {
      siteUrl: '',
      sentryDsn: '',
    },
  },
});
`,
      'app.vue': '<template>\n  <NuxtPage />\n</template>\n',
      'pages/index.vue': '<template>\n  <main>\n    <ChatBox />\n  </main>\n</template>\n',
      'components/ChatBox.vue': `<script setup lang="ts">
const { public: { sentryDsn } } = useRuntimeConfig();
const prompt = ref('');
const reply = ref('');

async function send() {
  reply.value = await $fetch('/api/chat', { method: 'POST', body: { prompt: prompt.value } });
}
</script>

<template>
  <textarea v-model="prompt" :data-dsn="sentryDsn" />
  <button @click="send">Send</button>
  <p>{{ reply }}</p>
</template>
`,
      'server/api/chat.post.ts': `export default defineEventHandler(async (event) => {
  const { prompt } = await readBody(event);
  const config = useRuntimeConfig(event);
  const res = await $fetch<{ choices: { message: { content: string } }[] }>('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${config.openaiApiKey}\` },
    body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] },
  });
  return res.choices[0].message.content;
});
`,
      '.env': `OPENAI_API_KEY=${key}\nNUXT_PUBLIC_SITE_URL=https://ask.example.com\nNUXT_PUBLIC_SENTRY_DSN=${sentryDsn('nuxt-safe')}\n`,
      '.output/public/index.html': nuxtHtml(`{public:{siteUrl:"https://ask.example.com",sentryDsn:"${sentryDsn('nuxt-safe')}"},app:{baseURL:"/",buildAssetsDir:"/_nuxt/",cdnURL:""}}`),
      // runtimeConfig read from process.env at build time is inlined into the server build.
      '.output/server/chunks/nitro/nitro.mjs': `const _inlineRuntimeConfig = {"app":{"baseURL":"/"},"public":{"siteUrl":"","sentryDsn":""},"openaiApiKey":"${key}"};\n`,
    },
    ignored: ['.env', '.output/public/index.html', '.output/server/chunks/nitro/nitro.mjs'],
    unread: ['.output/server/chunks/nitro/nitro.mjs'],
  };
}

// --- Astro ---------------------------------------------------------------------------------

const ASTRO_SCRIPTS = { dev: 'astro dev', build: 'astro build', preview: 'astro preview', astro: 'astro' };
const astroLayout = `---
interface Props { title: string }
const { title } = Astro.props;
---

<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width" />
    <title>{title}</title>
  </head>
  <body>
    <slot />
  </body>
</html>
`;

function astroExposing(): Project {
  const key = fake.anthropic('astro');
  return {
    files: {
      'package.json': manifest('ask-astro', { astro: '^5.1.1' }, {}, ASTRO_SCRIPTS),
      '.gitignore': ASTRO_GITIGNORE + SCRATCH,
      'astro.config.mjs': `// @ts-check\nimport { defineConfig } from 'astro/config';\n\n// https://astro.build/config\nexport default defineConfig({});\n`,
      'src/layouts/Layout.astro': astroLayout,
      'src/pages/index.astro': `---
import Layout from '../layouts/Layout.astro';
import Chat from '../components/Chat.astro';
---

<Layout title="Ask Claude">
  <Chat />
</Layout>
`,
      'src/components/Chat.astro': `<form id="chat">
  <textarea name="prompt"></textarea>
  <button>Send</button>
</form>
<pre id="reply"></pre>

<script>
  const form = document.querySelector<HTMLFormElement>('#chat')!;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const prompt = new FormData(form).get('prompt');
    const res = await fetch('https://api.anthropic.com/v1/messages', {
      method: 'POST',
      headers: {
        'x-api-key': import.meta.env.PUBLIC_ANTHROPIC_API_KEY,
        'anthropic-version': '2023-06-01',
        'anthropic-dangerous-direct-browser-access': 'true',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ model: 'claude-3-5-haiku-latest', max_tokens: 512, messages: [{ role: 'user', content: prompt }] }),
    });
    document.querySelector('#reply')!.textContent = (await res.json()).content[0].text;
  });
</script>
`,
      '.env': `PUBLIC_ANTHROPIC_API_KEY=${key}\n`,
      'dist/index.html': '<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Ask Claude</title><script type="module" src="/_astro/Chat.astro_astro_type_script_index_0_lang.C1xq7YzA.js"></script></head><body><form id="chat"><textarea name="prompt"></textarea><button>Send</button></form><pre id="reply"></pre></body></html>\n',
      'dist/_astro/Chat.astro_astro_type_script_index_0_lang.C1xq7YzA.js': `const t=document.querySelector("#chat");t.addEventListener("submit",async e=>{e.preventDefault();const n=new FormData(t).get("prompt"),o=await fetch("https://api.anthropic.com/v1/messages",{method:"POST",headers:{"x-api-key":"${key}","anthropic-version":"2023-06-01","anthropic-dangerous-direct-browser-access":"true","content-type":"application/json"},body:JSON.stringify({model:"claude-3-5-haiku-latest",max_tokens:512,messages:[{role:"user",content:n}]})});document.querySelector("#reply").textContent=(await o.json()).content[0].text});\n`,
      'tmp/claude.http': `POST https://api.anthropic.com/v1/messages\nx-api-key: ${key}\nanthropic-version: 2023-06-01\n`,
    },
    ignored: ['.env', 'dist/_astro/Chat.astro_astro_type_script_index_0_lang.C1xq7YzA.js', 'tmp/claude.http'],
    unread: ['tmp/claude.http'],
    expected: [
      ['public-env-secret', '.env', 'PUBLIC_ANTHROPIC_API_KEY=', 'high'],
      ['public-env-secret', 'src/components/Chat.astro', 'import.meta.env.PUBLIC_ANTHROPIC_API_KEY', 'critical'],
      ['browser-llm-client', 'src/components/Chat.astro', 'https://api.anthropic.com', 'high'],
      ['client-bundle-secret', 'dist/_astro/Chat.astro_astro_type_script_index_0_lang.C1xq7YzA.js', 'x-api-key', 'critical'],
    ],
  };
}

function astroSafe(): Project {
  const key = fake.openaiProject('astro-safe');
  return {
    files: {
      'package.json': manifest('ask-astro', { astro: '^5.1.1', '@astrojs/node': '^9.0.0', openai: '^4.77.0' }, {}, ASTRO_SCRIPTS),
      '.gitignore': ASTRO_GITIGNORE,
      'README.md': '# Ask\n\n`OPENAI_API_KEY` is read on the server only. Never rename it `PUBLIC_OPENAI_API_KEY`: Astro ships `PUBLIC_` variables to the browser.\n',
      'astro.config.mjs': `// @ts-check\nimport { defineConfig } from 'astro/config';\nimport node from '@astrojs/node';\n\nexport default defineConfig({\n  output: 'server',\n  adapter: node({ mode: 'standalone' }),\n});\n`,
      'src/layouts/Layout.astro': astroLayout,
      'src/pages/index.astro': `---
import OpenAI from 'openai';
import Layout from '../layouts/Layout.astro';

// The frontmatter runs on the server, per request.
const openai = new OpenAI({ apiKey: import.meta.env.OPENAI_API_KEY, dangerouslyAllowBrowser: true });
const tip = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'A tip of the day' }] });
const siteUrl = import.meta.env.PUBLIC_SITE_URL;
---

<Layout title="Ask">
  <p>{tip.choices[0].message.content}</p>
  <form id="chat"><textarea name="prompt"></textarea><button>Send</button></form>
  <pre id="reply"></pre>
</Layout>

<script>
  const gaId = import.meta.env.PUBLIC_GA_MEASUREMENT_ID;
  const form = document.querySelector<HTMLFormElement>('#chat')!;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const res = await fetch('/api/chat', { method: 'POST', body: new FormData(form) });
    document.querySelector('#reply')!.textContent = await res.text();
  });
</script>
`,
      'src/pages/api/chat.ts': `import type { APIRoute } from 'astro';

export const POST: APIRoute = async ({ request }) => {
  const prompt = (await request.formData()).get('prompt');
  const res = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${import.meta.env.OPENAI_API_KEY}\`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] }),
  });
  return new Response((await res.json()).choices[0].message.content);
};
`,
      '.env': `OPENAI_API_KEY=${key}\nPUBLIC_SITE_URL=https://ask.example.com\nPUBLIC_GA_MEASUREMENT_ID=${gaMeasurementId('astro-safe')}\n`,
      'dist/client/_astro/index.astro_astro_type_script_index_0_lang.DfG2k9Qa.js': `const a="${gaMeasurementId('astro-safe')}",t=document.querySelector("#chat");t.addEventListener("submit",async e=>{e.preventDefault();const n=await fetch("/api/chat",{method:"POST",body:new FormData(t)});document.querySelector("#reply").textContent=await n.text()});\n`,
      // Vite inlines import.meta.env into the server build: the key is there, and only there.
      'dist/server/pages/api/chat.astro.mjs': `const POST=async({request:e})=>{const t=(await e.formData()).get("prompt"),n=await fetch("https://api.openai.com/v1/chat/completions",{method:"POST",headers:{Authorization:"Bearer ${key}","Content-Type":"application/json"}});return new Response((await n.json()).choices[0].message.content)};export{POST};\n`,
      'dist/server/entry.mjs': `import{renderers}from"./renderers.mjs";const serverEntrypointModule={};export{serverEntrypointModule as default};\n`,
    },
    ignored: ['.env', 'dist/client/_astro/index.astro_astro_type_script_index_0_lang.DfG2k9Qa.js', 'dist/server/pages/api/chat.astro.mjs'],
    unread: ['dist/server/pages/api/chat.astro.mjs'],
  };
}

// --- Expo ----------------------------------------------------------------------------------

const EXPO_DEPS = {
  expo: '~52.0.23',
  'expo-router': '~4.0.15',
  'expo-secure-store': '~14.0.0',
  'expo-status-bar': '~2.0.0',
  react: '18.3.1',
  'react-dom': '18.3.1',
  'react-native': '0.76.5',
  'react-native-web': '~0.19.13',
};
const expoManifest = (deps: Record<string, string>) =>
  `${JSON.stringify({ name: 'ask-expo', main: 'expo-router/entry', version: '1.0.0', scripts: { start: 'expo start', android: 'expo start --android', ios: 'expo start --ios', web: 'expo start --web' }, dependencies: deps, devDependencies: { '@babel/core': '^7.25.2', '@types/react': '~18.3.12', typescript: '^5.3.3' }, private: true }, null, 2)}\n`;
const expoAppJson = (output: 'static' | 'server') =>
  `${JSON.stringify({ expo: { name: 'ask-expo', slug: 'ask-expo', scheme: 'askexpo', version: '1.0.0', web: { bundler: 'metro', output }, plugins: ['expo-router', 'expo-secure-store'] } }, null, 2)}\n`;

function expoExposing(): Project {
  const key = fake.openaiProject('expo');
  return {
    files: {
      'package.json': expoManifest({ ...EXPO_DEPS, openai: '^4.77.0' }),
      '.gitignore': EXPO_GITIGNORE,
      'app.json': expoAppJson('static'),
      'app/_layout.tsx': `import { Stack } from 'expo-router';\n\nexport default function RootLayout() {\n  return <Stack />;\n}\n`,
      'app/index.tsx': `import OpenAI from 'openai';
import { useState } from 'react';
import { Button, Text, TextInput, View } from 'react-native';

const openai = new OpenAI({
  apiKey: process.env.EXPO_PUBLIC_OPENAI_API_KEY,
  dangerouslyAllowBrowser: true,
});

export default function Chat() {
  const [prompt, setPrompt] = useState('');
  const [reply, setReply] = useState('');

  async function send() {
    const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
    setReply(completion.choices[0]?.message.content ?? '');
  }

  return (
    <View>
      <TextInput value={prompt} onChangeText={setPrompt} />
      <Button title="Send" onPress={send} />
      <Text>{reply}</Text>
    </View>
  );
}
`,
      // Bring your own key: the user's key, kept in the device's secure store.
      'app/settings.tsx': `import * as SecureStore from 'expo-secure-store';
import { Button, TextInput, View } from 'react-native';

export async function askWithOwnKey(prompt: string): Promise<string> {
  const userKey = await SecureStore.getItemAsync('openai-key');
  const res = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: \`Bearer \${userKey}\` },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] }),
  });
  return (await res.json()).choices[0].message.content;
}

export default function Settings() {
  return (
    <View>
      <TextInput placeholder="Your OpenAI key" secureTextEntry onChangeText={(value) => SecureStore.setItemAsync('openai-key', value)} />
      <Button title="Test" onPress={() => askWithOwnKey('ping')} />
    </View>
  );
}
`,
      '.env.local': `EXPO_PUBLIC_OPENAI_API_KEY=${key}\n`,
      // npx expo export --platform web
      'dist/index.html': '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8" /><title>ask-expo</title></head><body><div id="root"></div><script src="/_expo/static/js/web/entry-3f9c2b1a7d4e5f60a1b2c3d4e5f6a7b8.js" defer></script></body></html>\n',
      'dist/_expo/static/js/web/entry-3f9c2b1a7d4e5f60a1b2c3d4e5f6a7b8.js': `__d((function(g,r,i,a,m,e,d){"use strict";Object.defineProperty(e,"__esModule",{value:!0}),e.default=function(){const[e,t]=(0,n.useState)(""),[r,o]=(0,n.useState)("");return(0,u.jsxs)(l.View,{children:[]})};var n=r(d[0]),l=r(d[1]),u=r(d[2]);const s=new(r(d[3]).default)({apiKey:"${key}",dangerouslyAllowBrowser:!0})}),1024,[18,92,211,640]);\n`,
      '.expo/settings.json': '{ "urlRandomness": "x7k2m9" }\n',
    },
    ignored: ['.env.local', 'dist/_expo/static/js/web/entry-3f9c2b1a7d4e5f60a1b2c3d4e5f6a7b8.js', '.expo/settings.json'],
    expected: [
      ['public-env-secret', '.env.local', 'EXPO_PUBLIC_OPENAI_API_KEY=', 'high'],
      ['public-env-secret', 'app/index.tsx', 'process.env.EXPO_PUBLIC_OPENAI_API_KEY', 'critical'],
      ['browser-llm-client', 'app/index.tsx', 'dangerouslyAllowBrowser', 'high'],
      ['browser-llm-client', 'app/settings.tsx', 'https://api.openai.com', 'low'],
      ['client-bundle-secret', 'dist/_expo/static/js/web/entry-3f9c2b1a7d4e5f60a1b2c3d4e5f6a7b8.js', 'apiKey:', 'critical'],
    ],
  };
}

function expoSafe(): Project {
  const key = fake.openaiProject('expo-safe');
  return {
    files: {
      'package.json': expoManifest({ ...EXPO_DEPS, '@sentry/react-native': '~6.3.0' }),
      '.gitignore': EXPO_GITIGNORE,
      'README.md': '# Ask\n\nExpo inlines `EXPO_PUBLIC_` variables into the app bundle, so there is no `EXPO_PUBLIC_OPENAI_API_KEY`: the API route `app/api/chat+api.ts` holds `OPENAI_API_KEY`.\n',
      'app.json': expoAppJson('server'),
      'app/_layout.tsx': `import * as Sentry from '@sentry/react-native';
import { Stack } from 'expo-router';

Sentry.init({ dsn: process.env.EXPO_PUBLIC_SENTRY_DSN });

export default function RootLayout() {
  return <Stack />;
}
`,
      'app/index.tsx': `import { useState } from 'react';
import { Button, Text, TextInput, View } from 'react-native';

const apiUrl = process.env.EXPO_PUBLIC_API_URL;

export default function Chat() {
  const [prompt, setPrompt] = useState('');
  const [reply, setReply] = useState('');

  async function send() {
    const res = await fetch(\`\${apiUrl}/api/chat\`, { method: 'POST', body: JSON.stringify({ prompt }) });
    setReply((await res.json()).reply);
  }

  return (
    <View>
      <TextInput value={prompt} onChangeText={setPrompt} />
      <Button title="Send" onPress={send} />
      <Text>{reply}</Text>
    </View>
  );
}
`,
      'app/api/chat+api.ts': `export async function POST(request: Request): Promise<Response> {
  const { prompt } = await request.json();
  const res = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] }),
  });
  return Response.json({ reply: (await res.json()).choices[0].message.content });
}
`,
      '.env.local': `OPENAI_API_KEY=${key}\nEXPO_PUBLIC_API_URL=https://ask.example.com\nEXPO_PUBLIC_SENTRY_DSN=${sentryDsn('expo-safe')}\n`,
      // npx expo export --platform web, with web.output "server": client and API routes apart.
      'dist/client/_expo/static/js/web/entry-b1e4d7a0c3f6928571d4e0a3b6c9f2e5.js': `__d((function(g,r,i,a,m,e,d){"use strict";const c="https://ask.example.com";r(d[0]).init({dsn:"${sentryDsn('expo-safe')}"});e.default=function(){return fetch(c+"/api/chat",{method:"POST"})}}),1024,[18,92]);\n`,
      'dist/server/_expo/functions/api/chat+api.js': `"use strict";async function POST(e){const{prompt:t}=await e.json(),o=await fetch("https://api.openai.com/v1/chat/completions",{method:"POST",headers:{"Content-Type":"application/json",Authorization:\`Bearer \${process.env.OPENAI_API_KEY}\`}});return Response.json({reply:(await o.json()).choices[0].message.content})}exports.POST=POST;\n`,
    },
    ignored: ['.env.local', 'dist/client/_expo/static/js/web/entry-b1e4d7a0c3f6928571d4e0a3b6c9f2e5.js', 'dist/server/_expo/functions/api/chat+api.js'],
  };
}

// --- The table -----------------------------------------------------------------------------

const FRAMEWORKS: ReadonlyArray<[name: string, exposing: () => Project, safe: () => Project]> = [
  ['Next.js app router', nextAppExposing, nextAppSafe],
  ['Next.js pages router', nextPagesExposing, nextPagesSafe],
  ['Vite + React', viteReactExposing, viteReactSafe],
  ['Vite + Svelte', viteSvelteExposing, viteSvelteSafe],
  ['Vite + Vue', viteVueExposing, viteVueSafe],
  ['Create React App', craExposing, craSafe],
  ['SvelteKit', sveltekitExposing, sveltekitSafe],
  ['Nuxt', nuxtExposing, nuxtSafe],
  ['Astro', astroExposing, astroSafe],
  ['Expo', expoExposing, expoSafe],
];

interface Reported {
  ruleId: string;
  file: string;
  line: number;
  severity: string;
}

/** The 1-based line of `file` that holds `at` first; the file must hold it. */
function lineOf(files: Files, file: string, at: string): number {
  const text = files[file];
  if (typeof text !== 'string') throw new Error(`no file ${file} in the project`);
  const index = text.indexOf(at);
  if (index === -1) throw new Error(`${file} does not hold ${JSON.stringify(at)}`);
  return text.slice(0, index).split('\n').length;
}

const byPlace = (a: Reported, b: Reported): number =>
  a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId) || a.severity.localeCompare(b.severity);

/** Builds the project as a committed git repository and sweeps it once; `unread`: the files named there that hold a finding when scanned by name. */
function sweep(project: Project): { code: number | null; findings: Reported[]; unread: string[] } {
  const repo = gitRepo(project.files);
  for (const [path, target] of Object.entries(project.links ?? {})) symlinkSync(target, join(repo.dir, path));
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'init');
  // The template's .gitignore keeps the build output, the dotenv files and the scratch folders out of git.
  const ignored = repo.git('ls-files', '-z', '--others', '--ignored', '--exclude-standard').split('\0');
  for (const path of project.ignored) expect(ignored, `${path} is ignored`).toContain(path);
  const tracked = repo.git('ls-files', '-z').split('\0');
  for (const path of project.ignored) expect(tracked, `${path} is not tracked`).not.toContain(path);
  const run = leakgate(['scan', '.', '--format', 'json', '--confidence', 'low'], { cwd: repo.dir, env: repo.env });
  const report = json(run);
  expect(report.errors).toEqual([]);
  const findings = report.findings.map((f) => ({ ruleId: f.ruleId as string, file: f.file as string, line: f.line as number, severity: f.severity as string }));
  // A file named on the command line is read whatever git says: proof that the unread files do hold a key.
  const named = project.unread?.length ? json(leakgate(['scan', ...project.unread, '--format', 'json'], { cwd: repo.dir, env: repo.env })).findings : [];
  return { code: run.code, findings: findings.sort(byPlace), unread: [...new Set(named.map((f) => f.file as string))].sort() };
}

const isDotenv = (path: string): boolean => /(?:^|\/)\.env(?:\.[^/]*)?$/.test(path);

describe.each(FRAMEWORKS)('%s', (_name, exposing, safe) => {
  it('exposing: reports the key in the ignored build output, the public variable and the browser call', () => {
    const project = exposing();
    const { code, findings, unread } = sweep(project);
    expect(code).toBe(1);
    const expected = (project.expected ?? []).map(([ruleId, file, at, severity]) => ({ ruleId, file, line: lineOf(project.files, file, at), severity })).sort(byPlace);
    expect(findings.filter((f) => CLIENT_RULES.includes(f.ruleId))).toEqual(expected);
    // Other rules speak only for tracked files: key rules on a literal in source, never on ignored dotenv files.
    expect(findings.filter((f) => !CLIENT_RULES.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.file}`)).toEqual(project.others ?? []);
    // An ignored dotenv file: public-env-secret only (a key rule would report every developer's local keys).
    const dotenv = project.ignored.filter(isDotenv);
    expect(dotenv.length).toBeGreaterThan(0);
    expect(findings.filter((f) => dotenv.includes(f.file) && f.ruleId !== 'public-env-secret')).toEqual([]);
    // Ignored folders that are not client output (server output, scratch, coverage): not read at all,
    // though each of these files holds a key that a scan naming it finds.
    expect(unread).toEqual([...(project.unread ?? [])].sort());
    for (const path of project.unread ?? []) expect(findings.filter((f) => f.file === path)).toEqual([]);
  });

  it('safe: the same app with the key on the server reports nothing', () => {
    const project = safe();
    expect(project.ignored.some(isDotenv)).toBe(true);
    const { code, findings, unread } = sweep(project);
    expect(findings).toEqual([]);
    expect(code).toBe(0);
    // The server output that holds the key (inlined by the build) is left alone, not missed for want of a key.
    expect(unread).toEqual([...(project.unread ?? [])].sort());
  });
});

describe('edges of client output', () => {
  it('reads a Hermes bundle (binary) for keys, and .vercel/.env.*.local (written by vercel pull) for public variables', () => {
    const key = fake.openaiProject('hermes');
    const hbc = Buffer.concat([Buffer.from([0xc6, 0x1f, 0xbc, 0x03, 0xc1, 0x03, 0x19, 0x1f, 0, 0, 0, 0]), Buffer.from(`\0apiKey\0${key}\0model\0`)]);
    const project: Project = {
      files: {
        'package.json': manifest('ask-expo', { expo: '~52.0.0', 'react-native': '0.76.5' }),
        '.gitignore': 'node_modules/\ndist/\n.vercel\n',
        'app/index.tsx': 'export default function Home() {\n  return null;\n}\n',
        'dist/_expo/static/js/ios/entry-5d1c0a.hbc': hbc,
        '.vercel/.env.production.local': `EXPO_PUBLIC_OPENAI_API_KEY="${key}"\n`,
        '.vercel/project.json': '{"projectId":"prj_1","orgId":"team_1"}\n',
      },
      ignored: ['dist/_expo/static/js/ios/entry-5d1c0a.hbc', '.vercel/.env.production.local'],
    };
    const { code, findings } = sweep(project);
    expect(code).toBe(1);
    expect(findings).toEqual([
      { ruleId: 'public-env-secret', file: '.vercel/.env.production.local', line: 1, severity: 'high' },
      { ruleId: 'client-bundle-secret', file: 'dist/_expo/static/js/ios/entry-5d1c0a.hbc', line: 1, severity: 'critical' },
    ].sort(byPlace));
  });

  it("leaves alone the ignored dist/ of a Node.js server (no client framework): it is not client output", () => {
    const project: Project = {
      files: {
        'package.json': manifest('api', { '@nestjs/core': '^10.4.0' }),
        '.gitignore': '/dist\n/node_modules\n',
        'src/main.ts': 'async function bootstrap() {}\nbootstrap();\n',
        'dist/main.js': `const OPENAI_API_KEY = '${fake.openaiProject('nest')}';\n`,
      },
      ignored: ['dist/main.js'],
    };
    const { code, findings } = sweep(project);
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });
});
