import { fake } from '../test/keys.js';
import { type Expected, located, ruleTester } from '../test/rule-tester.js';
import type { Framework } from '../src/types.js';
import rule from './browser-llm-client.js';

const key = fake.openaiProject('browser');

/** An invalid case whose one finding spans `span` (an SDK flag, an API URL). */
function flags(name: string, code: string, path: string, span: string, frameworks: Framework[], more: Partial<Expected> = {}) {
  return { name, code, path, frameworks, errors: [{ ...located(code, span), span, ...more }] };
}

const FLAG = 'dangerouslyAllowBrowser: true';
const sdk = (apiKey: string) => `import OpenAI from "openai";\n\nconst openai = new OpenAI({\n  apiKey: ${apiKey},\n  ${FLAG},\n});\n`;
const fetchCall = (auth: string, url = 'https://api.openai.com/v1/chat/completions') =>
  `export async function ask(prompt: string) {\n  const res = await fetch("${url}", {\n    method: "POST",\n    headers: { "Content-Type": "application/json", ${auth} },\n    body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] }),\n  });\n  return res.json();\n}\n`;

ruleTester(rule, {
  invalid: [
    flags('OpenAI SDK in a Vite app, key from VITE_', sdk('import.meta.env.VITE_OPENAI_API_KEY'), 'src/lib/openai.ts', FLAG, ['vite', 'react'], {
      severity: 'high',
      message: 'client-public env variable',
    }),
    flags('OpenAI SDK in a "use client" page, key from NEXT_PUBLIC_', `"use client";\n${sdk('process.env.NEXT_PUBLIC_OPENAI_API_KEY')}`, 'app/chat/page.tsx', FLAG, ['next'], { severity: 'high' }),
    flags('Anthropic SDK with a literal key', sdk(`"${fake.anthropic('b')}"`).replace('openai', '@anthropic-ai/sdk'), 'src/claude.ts', FLAG, ['vite'], {
      severity: 'critical',
      message: 'written into the code',
    }),
    flags('minified flag !0 in client code', 'const c=new OpenAI({apiKey:k,dangerouslyAllowBrowser:!0});\n', 'src/main.js', 'dangerouslyAllowBrowser:!0', ['vite']),
    flags('groq-sdk in a Svelte component', `<script>\n  import Groq from "groq-sdk";\n  const groq = new Groq({ apiKey: import.meta.env.VITE_GROQ_API_KEY, ${FLAG} });\n</script>\n`, 'src/App.svelte', FLAG, ['vite', 'svelte']),
    flags('fetch to api.openai.com with a Bearer from CRA env', fetchCall('Authorization: `Bearer ${process.env.REACT_APP_OPENAI_API_KEY}`'), 'src/api.js', 'https://api.openai.com/v1/chat/completions', ['cra'], {
      severity: 'high',
      message: 'api.openai.com',
    }),
    flags('fetch to api.anthropic.com with the user\'s own key (BYOK)', `const key = localStorage.getItem("anthropic_key");\n${fetchCall('"x-api-key": key', 'https://api.anthropic.com/v1/messages')}`, 'src/claude.ts', 'https://api.anthropic.com/v1/messages', ['vite'], {
      severity: 'low',
      message: 'bring your own key',
    }),
    flags('fetch with a key from a served runtime config (window._env_)', fetchCall('Authorization: "Bearer " + window._env_.OPENAI_API_KEY'), 'src/chat.js', 'https://api.openai.com/v1/chat/completions', ['cra'], {
      severity: 'critical',
    }),
    flags('inline <script> in a static HTML page', `<html><body>\n<script>\n  fetch("https://api.openai.com/v1/chat/completions", { headers: { Authorization: "Bearer ${key}" } });\n</script>\n</body></html>\n`, 'www/index.html', 'https://api.openai.com/v1/chat/completions', [], {
      severity: 'critical',
    }),
    flags('Astro client <script> calling OpenRouter', `---\nconst title = "Chat";\n---\n<h1>{title}</h1>\n<script>\n  const r = await fetch("https://openrouter.ai/api/v1/chat/completions", { headers: { Authorization: \`Bearer \${import.meta.env.PUBLIC_OPENROUTER_KEY}\` } });\n</script>\n`, 'src/components/Chat.astro', 'https://openrouter.ai/api/v1/chat/completions', ['astro']),
    flags('Gemini SDK in an Expo app', 'import { GoogleGenerativeAI } from "@google/generative-ai";\nconst genAI = new GoogleGenerativeAI(process.env.EXPO_PUBLIC_GEMINI_API_KEY);\n', 'app/(tabs)/index.tsx', 'new GoogleGenerativeAI(', ['expo'], { severity: 'high' }),
    flags('SDK flag in code of unknown side with a public key: reported at medium confidence', sdk('process.env.NEXT_PUBLIC_OPENAI_API_KEY'), 'lib/llm.js', FLAG, []),
    flags('a fetch helper of unknown side that sends a public env key', fetchCall('Authorization: `Bearer ${process.env.NEXT_PUBLIC_OPENAI_API_KEY}`'), 'utils/openaiApi.js', 'https://api.openai.com/v1/chat/completions', ['next']),
    flags('Gemini Live over a WebSocket with a public key', 'const url = `wss://generativelanguage.googleapis.com/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent?key=${process.env.REACT_APP_GEMINI_API_KEY}`;\n', 'src/lib/live-client.ts', 'wss://generativelanguage.googleapis.com/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent?key=', ['cra']),
    flags('a key from the caller\'s options (bring your own key)', `export async function chat(parameters: { apiKey: string }) {\n${fetchCall('Authorization: `Bearer ${parameters.apiKey}`').replace('export async function ask(prompt: string) {\n', '')}`, 'src/core/chat/openai.ts', 'https://api.openai.com/v1/chat/completions', ['vite'], { severity: 'low' }),
    flags('a hook module beside a "use client" page in the app router', sdk('process.env.NEXT_PUBLIC_OPENAI_API_KEY!'), 'app/chat/useChat.ts', FLAG, ['next'], { severity: 'high' }),
    flags('a page component below the data function', `export async function getStaticProps() {\n  return { props: {} };\n}\n\nexport default function Chat() {\n  const send = () => ${fetchCall('Authorization: `Bearer ${process.env.NEXT_PUBLIC_OPENAI_API_KEY}`').replace('export async function ask(prompt: string) ', '')};\n}\n`, 'pages/chat.tsx', 'https://api.openai.com/v1/chat/completions', ['next']),
  ],
  valid: [
    { name: 'SDK flag in a Next route handler', source: 'Next.js edge routes that set dangerouslyAllowBrowser because the edge runtime looks like a browser', path: 'app/api/chat/route.ts', frameworks: ['next'], code: sdk('process.env.OPENAI_API_KEY') },
    { name: 'SDK flag in SvelteKit server code', source: 'SvelteKit on Cloudflare: src/lib/server/openai.ts', path: 'src/lib/server/openai.ts', frameworks: ['sveltekit'], code: sdk('OPENAI_API_KEY') },
    { name: 'fetch to api.openai.com from pages/api', source: 'Next.js pages router API routes', path: 'pages/api/chat.ts', frameworks: ['next'], code: fetchCall('Authorization: `Bearer ${process.env.OPENAI_API_KEY}`') },
    { name: 'fetch to api.openai.com from a Node script', source: 'scripts and servers of no known framework', path: 'index.js', code: '#!/usr/bin/env node\n' + fetchCall('Authorization: `Bearer ${process.env.OPENAI_API_KEY}`') },
    { name: 'a "use server" action', source: 'Next.js server actions', path: 'app/actions.ts', frameworks: ['next'], code: `"use server";\n${sdk('process.env.OPENAI_API_KEY')}` },
    { name: 'Astro frontmatter', source: 'Astro SSR pages call the API in their frontmatter', path: 'src/pages/index.astro', frameworks: ['astro'], code: `---\n${fetchCall('Authorization: `Bearer ${import.meta.env.OPENAI_API_KEY}`')}---\n<h1>Hi</h1>\n` },
    { name: 'Expo Router API route', source: 'Expo Router +api.ts files run on the server', path: 'app/api/chat+api.ts', frameworks: ['expo'], code: sdk('process.env.OPENAI_API_KEY!') },
    { name: 'commented-out SDK constructor', source: 'apps that moved the call to the server and kept the old code as a comment', path: 'src/App.tsx', frameworks: ['vite'], code: `// const openai = new OpenAI({ apiKey, ${FLAG} });\n/*\nconst old = new OpenAI({ ${FLAG} });\n*/\n` },
    { name: 'a README that warns against the flag', source: 'README of chat templates', path: 'README.md', code: `Never ship \`${FLAG}\` to production.\n` },
    { name: 'client code that calls its own backend', source: 'the safe design: the browser posts to /api/chat', path: 'src/chat.ts', frameworks: ['vite'], code: 'const r = await fetch("/api/chat", { method: "POST", body });\n// docs: https://api.openai.com/v1/chat/completions\n' },
    { name: 'an API URL in client code without a key', source: 'status pages and links to the API docs', path: 'src/Links.tsx', frameworks: ['vite'], code: 'export const DOCS = "https://api.openai.com/v1/models";\n' },
    { name: 'HTML documentation that shows a call', source: 'docs pages with <pre><code> samples', path: 'www/docs.html', code: '<pre><code>fetch("https://api.openai.com/v1/chat/completions", { headers: { Authorization: "Bearer sk-your-key-here" } })</code></pre>\n' },
    { name: 'getServerSideProps in a Next.js page', source: 'pages router data functions, which Next.js strips from the client bundle', path: 'pages/index.tsx', frameworks: ['next'], code: `export async function getServerSideProps() {\n${fetchCall('Authorization: `Bearer ${process.env.OPENAI_API_KEY}`').replace('export async function ask', 'async function ask')}  return { props: {} };\n}\n\nexport default function Home() {\n  return <main />;\n}\n` },
    { name: 'SDK flag in a module of unknown side that only a route imports', source: 'src/config/openai.ts of a Next.js app, imported by app/api/…/route.ts: reported only at low confidence', path: 'src/config/openai.ts', frameworks: ['next'], code: sdk('process.env.OPENAI_API_KEY ?? ""') },
    { name: 'OpenAI Realtime with an ephemeral key from its own server', source: 'openai-realtime-console: the browser fetches a client_secret from /token', path: 'src/App.jsx', frameworks: ['vite', 'react'], code: 'const data = await (await fetch("/token")).json();\nconst EPHEMERAL_KEY = data.client_secret.value;\nconst r = await fetch("https://api.openai.com/v1/realtime?model=gpt-4o-realtime-preview", { method: "POST", headers: { Authorization: `Bearer ${EPHEMERAL_KEY}` } });\n' },
    { name: 'a test that runs the SDK in jsdom', source: 'unit tests set the flag to run the SDK under jsdom', path: 'src/openai.test.ts', frameworks: ['vite'], code: sdk('"test"') },
  ],
});
