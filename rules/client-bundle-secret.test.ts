import { describe, expect, it } from 'vitest';
import { clientOutputIn, isClientOutput } from '../src/client.js';
import { Engine } from '../src/engine.js';
import { fake } from '../test/keys.js';
import rule from './client-bundle-secret.js';
import { RULES } from './index.js';

const engine = new Engine(RULES);
const scan = (path: string, code: string) => engine.scan({ path, content: Buffer.from(code), line: 1 }).map((f) => ({ ruleId: f.ruleId, severity: f.severity, line: f.line, column: f.column, secret: f.secret }));

describe('client-bundle-secret', () => {
  const key = fake.openaiProject('bundle');
  const minified = `(()=>{var e={BASE_URL:"/",MODE:"production",VITE_OPENAI_API_KEY:"${key}"};function t(n){return fetch(n)}})();`;

  it('takes over a key rule\'s finding in a built bundle, critical, with the key\'s own message', () => {
    const [f, ...rest] = engine.scan({ path: 'dist/assets/index-4f2a9c.js', content: Buffer.from(minified), line: 1 });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'client-bundle-secret', severity: 'critical', line: 1, column: minified.indexOf(key) + 1, secret: key });
    expect(f!.message).toContain('client output');
    expect(f!.message).toContain('OpenAI project API key');
    expect(f!.fix).toContain('Rotate');
    expect(f!.fingerprint.startsWith('client-bundle-secret:dist/assets/index-4f2a9c.js:')).toBe(true);
  });

  it.each([
    '.next/static/chunks/app/chat/page-1b7c4e20.js',
    'out/_next/static/chunks/pages/index-abc.js',
    'build/static/js/main.8f3c2a1b.js',
    '.output/public/index.html',
    '.svelte-kit/output/client/_app/immutable/nodes/2.js',
    '.vercel/output/static/assets/app.js',
    'public/env-config.js',
    'www/index.html',
    'apps/web/dist/assets/index.js',
    'dist/_expo/static/js/web/entry-abc.js',
    'ios/main.jsbundle',
    'android/app/src/main/assets/index.android.bundle',
    'src/main.js.map',
    'static/config.js',
    'web-build/static/js/main.1a2b3c4d.js',
  ])('reports a key in %s', (path) => {
    expect(scan(path, minified).map((f) => [f.ruleId, f.severity])).toEqual([['client-bundle-secret', 'critical']]);
  });

  it.each([
    ['.next/server/app/chat/page.js', 'Next.js server output'],
    ['build/server/index.js', 'SvelteKit adapter-node server output'],
    ['dist/server/entry.mjs', 'Astro SSR server output'],
    ['build/lib/app/settings.py', 'setuptools build folder'],
    ['node_modules/some-sdk/dist/index.js', 'a dependency'],
    ['src/config.ts', 'source code'],
    ['packages/astro/src/types/public/config.js', 'a source folder named public'],
    ['packages/kit/src/exports/vite/build/index.js', 'a source folder named build'],
    ['packages/public/.env.public', 'a monorepo package named public'],
    ['public/app.ts', 'TypeScript, which no server serves as it is'],
  ])('leaves a key in %s (%s) to the key rule', (path) => {
    const ids = scan(path, minified).map((f) => f.ruleId);
    expect(ids).toContain('openai-api-key');
    expect(ids).not.toContain('client-bundle-secret');
  });

  it('finds a key in a source map\'s sourcesContent (JSON-escaped source)', () => {
    const map = JSON.stringify({ version: 3, sources: ['../src/config.ts'], sourcesContent: [`export const KEY = "${key}";\n`], mappings: 'AAAA' });
    expect(scan('dist/assets/index-abc.js.map', map).map((f) => [f.ruleId, f.secret])).toEqual([['client-bundle-secret', key]]);
  });

  it('does not run the generic rule in client output (minified code is noise to it), but does in source', () => {
    const generic = `const config={apiKey:"${fake.token('generic')}"};`;
    expect(scan('dist/assets/index.js', generic)).toEqual([]);
    expect(scan('src/config.js', generic).map((f) => f.ruleId)).toEqual(['hardcoded-credential']);
  });

  it('reports nothing without the key rules (a place rule only restates their findings)', () => {
    expect(new Engine([rule]).scan({ path: 'dist/a.js', content: minified, line: 1 })).toEqual([]);
  });
});

describe('isClientOutput and clientOutputIn', () => {
  it('tell built web assets from other files in generic build folders', () => {
    expect(isClientOutput('build/static/css/main.css')).toBe(true);
    expect(isClientOutput('build/classes/java/main/App.class')).toBe(false);
    expect(isClientOutput('public/.env')).toBe(true);
  });
  it.each([
    ['dist/', 'dist/'],
    ['apps/web/build/', 'apps/web/build/'],
    ['.next/', '.next/static/'],
    ['web/.output/', 'web/.output/public/'],
    ['.svelte-kit/', '.svelte-kit/output/client/'],
    ['.vercel/', '.vercel/output/static/'],
    ['node_modules/', null],
    ['coverage/', null],
    ['packages/x/node_modules/y/dist/', null],
  ])('an ignored folder %s holds client output under %s', (dir, under) => {
    expect(clientOutputIn(dir)).toBe(under);
  });
});
