// What reaches a browser or an app: built client output (by path), client code (by path,
// framework and directives), and the variable prefixes that frameworks inline into client
// bundles. Pure; names and text only. The rules client-bundle-secret, public-env-secret and
// browser-llm-client judge with it; the sweep uses it to list git-ignored build output.

import { PROSE_PATH } from './patterns.js';
import type { Framework } from './types.js';

const NODE_MODULES = /(?:^|\/)node_modules\//;
/** Folders a web server serves as they are (public/, www/, SvelteKit's and Django's static/): every file in them reaches the browser. */
const SERVED = /(?:^|\/)(?:public|www|static)\//;
/** Build output folders of the frameworks: what they hold is client assets. */
const FRAMEWORK_OUTPUT = /(?:^|\/)(?:\.next\/static|\.output\/public|\.svelte-kit\/output\/client|\.vercel\/output\/static)\//;
/** Generic build folders, which other toolchains use too (Gradle, setuptools): web assets only. */
const BUILT = /(?:^|\/)(?:dist|build|out|web-build)\//;
const WEB_ASSET = /\.(?:[cm]?js|map|html?|json|css|txt|xml|webmanifest|svg|bundle|hbc)$/i;
/** React Native and Expo bundles, wherever they sit. */
const APP_BUNDLE = /(?:^|\/)[^/]+\.(?:jsbundle|android\.bundle|ios\.bundle|hbc)$/;
const SOURCE_MAP = /\.js\.map$/;
/** Source that no server serves as it is (it is compiled first). */
const SOURCE_CODE = /\.(?:tsx?|mts|cts|jsx|vue|svelte|astro)$/;
/** Folders of source code and tests, above which a public/ or build/ folder is no output; in a monorepo, packages/public/ is a package. */
const SOURCE_TREE = /(?:^|\/)(?:src|lib|test|tests|__tests__|fixtures|spec|e2e)\/|(?:^|\/)(?:packages|apps|libs|modules|services)\/$/;
/** Server output beside client output: SvelteKit adapter-node build/server, Astro dist/server. */
const SERVER_DIR = /(?:^|\/)server\//;

/**
 * Whether a file (repository-relative POSIX path) is built or served client output: a browser or an
 * app downloads it. `frameworks`, when known (asked only of a path in a build folder): a Node.js
 * project without a client framework builds dist/ for a server, not for browsers.
 */
export function isClientOutput(path: string, frameworks: () => readonly Framework[] = () => []): boolean {
  if (NODE_MODULES.test(path)) return false;
  const framework = FRAMEWORK_OUTPUT.exec(path);
  if (framework) return true;
  const inBuild = WEB_ASSET.test(path) ? BUILT.exec(path) : null;
  const built = inBuild && !isServerProject(frameworks()) ? inBuild : null;
  const served = (SOURCE_CODE.test(path) ? null : SERVED.exec(path)) ?? built;
  // A folder named public/ or build/ inside source or tests is code (astro's src/types/public/).
  if (served && !SOURCE_TREE.test(path.slice(0, served.index + 1))) return !SERVER_DIR.test(path.slice(served.index + served[0].length));
  return APP_BUNDLE.test(path) || (SOURCE_MAP.test(path) && !SERVER_DIR.test(path));
}

/** The folders of framework output that are client output: under `.next/`, only `static/` is. */
const CLIENT_PART: Readonly<Record<string, string>> = {
  '.next': 'static/',
  '.output': 'public/',
  '.svelte-kit': 'output/client/',
  '.vercel': 'output/static/',
};
const OUTPUT_DIR = /(?:^|\/)(dist|build|out|web-build|public|www|static|\.next|\.output|\.svelte-kit|\.vercel)\/$/;

/** A package.json that names no client framework: a server, a CLI or a library. */
export const isServerProject = (frameworks: readonly Framework[]): boolean => frameworks.length === 1 && frameworks[0] === 'node';

/** Whether a path lies in a node_modules folder (a folder's path ends in `/`). */
export const inNodeModules = (path: string): boolean => NODE_MODULES.test(path);

/** React Native and Expo bundles: Hermes bytecode is binary, but keeps its strings in plain text. */
export const isAppBundle = (path: string): boolean => APP_BUNDLE.test(path) && !inNodeModules(path);

/**
 * The folders below an ignored folder (`dir`, POSIX, ending in `/`) that may hold client output:
 * the folder itself, a part of it (`.next/static/`), or nothing. Listing ignored files stops at
 * ignored folders; these are the ones worth walking.
 */
export function clientOutputIn(dir: string): string | null {
  if (NODE_MODULES.test(dir)) return null;
  if (isClientOutput(`${dir}x.js`)) return dir;
  const m = OUTPUT_DIR.exec(dir);
  const part = m ? CLIENT_PART[m[1]!] : undefined;
  return part ? `${dir}${part}` : null;
}

/** Package names that tell a project's framework (dependencies or devDependencies). */
const FRAMEWORK_PACKAGES: Readonly<Record<string, Framework>> = {
  next: 'next',
  vite: 'vite',
  'react-scripts': 'cra',
  '@sveltejs/kit': 'sveltekit',
  svelte: 'svelte',
  vue: 'vue',
  '@vue/cli-service': 'vue',
  nuxt: 'nuxt',
  astro: 'astro',
  gatsby: 'gatsby',
  expo: 'expo',
  'react-native': 'react-native',
  react: 'react',
};

/** The frameworks a parsed package.json names; ['node'] for a package.json without one; empty for anything that is not a package.json. */
export function frameworksOf(manifest: unknown): Framework[] {
  if (typeof manifest !== 'object' || manifest === null) return [];
  const m = manifest as Record<string, unknown>;
  const names = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    const deps = m[field];
    if (typeof deps === 'object' && deps !== null) for (const name of Object.keys(deps)) names.add(name);
  }
  const found = [...new Set(Object.entries(FRAMEWORK_PACKAGES).filter(([pkg]) => names.has(pkg)).map(([, fw]) => fw))];
  return found.length > 0 ? found : ['node'];
}

/** Runs on a server or at build time, in any framework. */
const SERVER_PATH =
  /(?:^|\/)(?:server|functions|netlify|lambda|scripts?|tests?|__tests__|__mocks__|e2e|cypress|playwright)\/|(?:^|\/)(?:pages|app)\/api\/|(?:^|\/)(?:route|middleware|instrumentation|\+server|\+api|hooks\.server)\.[cm]?[jt]sx?$|\+api\.[cm]?[jt]sx?$|\.server\.[^/]+$|\.(?:test|spec)\.[^/]+$|(?:^|\/)[^/]+\.config\.[cm]?[jt]s$|(?:^|\/)gatsby-(?:node|ssr|config)\.[cm]?[jt]sx?$/;
/** Component files, which run in the browser in every framework that has them. */
const COMPONENT = /\.(?:vue|svelte|[jt]sx)$/;
const DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use (client|server)\1/;

/** Where a piece of code runs: in the browser or app, on a server, nowhere (prose, markup), or unknown. */
export type Side = 'client' | 'server' | 'text' | 'unknown';

/** Where the code at `offset` in a file runs, from its path, its framework and what the file declares. */
export function sideOf(path: string, text: string, offset: number, frameworks: readonly Framework[]): Side {
  if (PROSE_PATH.test(path)) return 'text';
  if (/\.html?$/i.test(path)) return inElement(text, offset, 'script') ? 'client' : 'text';
  if (path.endsWith('.astro')) return astroSide(text, offset);
  const directive = DIRECTIVE.exec(text)?.[2];
  if (directive === 'server') return 'server';
  if (SERVER_PATH.test(path)) return 'server';
  if (directive === 'client') return 'client';
  const has = (fw: Framework): boolean => frameworks.includes(fw);
  if (HOOK.test(path)) return 'client';
  if (has('next')) {
    // App router special files are server components unless they say "use client"; pages are client
    // components, but for their data functions (getServerSideProps), which Next.js strips from the bundle.
    if (/(?:^|\/)(?:src\/)?app\/(?:.*\/)?(?:page|layout|template|loading|error|not-found|default|head|sitemap|robots|opengraph-image|twitter-image|icon)\.[jt]sx?$/.test(path)) return 'server';
    if (/(?:^|\/)(?:src\/)?app\//.test(path)) return 'unknown';
    if (/(?:^|\/)(?:src\/)?pages\//.test(path)) return inDataFunction(text, offset) ? 'server' : 'client';
    return COMPONENT.test(path) ? 'client' : 'unknown';
  }
  if (has('expo') || has('react-native')) return 'client';
  if (has('nuxt') && /(?:^|\/)(?:app|pages|components|composables|layouts|plugins|middleware|stores|utils)\/|(?:^|\/)app\.vue$/.test(path)) return 'client';
  if (has('sveltekit') && /(?:^|\/)src\/(?:routes|lib)\//.test(path)) return 'client';
  if (has('astro')) return COMPONENT.test(path) ? 'client' : 'unknown';
  if (has('gatsby') && /(?:^|\/)src\/api\//.test(path)) return 'server';
  if ((has('vite') || has('cra') || has('gatsby') || has('vue') || has('svelte') || has('react')) && /(?:^|\/)src\//.test(path)) return 'client';
  if (COMPONENT.test(path) || SERVED.test(path) || /(?:^|\/)static\//.test(path)) return 'client';
  return 'unknown';
}

/** React hooks (useChat.ts) run in components, in the browser. */
const HOOK = /(?:^|\/)use[A-Z][A-Za-z0-9]*\.[jt]sx?$/;
const DATA_FUNCTION = /^export\s+(?:async\s+)?(?:function\s+|const\s+)(?:getServerSideProps|getStaticProps|getStaticPaths|getInitialProps)\b/gm;

/** Whether `offset` lies in a Next.js page's data function, up to the next top-level declaration. */
function inDataFunction(text: string, offset: number): boolean {
  DATA_FUNCTION.lastIndex = 0;
  for (let m = DATA_FUNCTION.exec(text); m !== null && m.index < offset; m = DATA_FUNCTION.exec(text)) {
    const next = /^(?:export\s|function\s|const\s|class\s)/gm;
    next.lastIndex = m.index + m[0].length;
    const end = next.exec(text)?.index ?? text.length;
    if (offset < end) return true;
  }
  return false;
}

/** Astro: the frontmatter and the template run on the server; `<script>` elements in the browser. */
function astroSide(text: string, offset: number): Side {
  const fence = /^---\r?\n[\s\S]*?\n---/.exec(text);
  if (fence && offset < fence[0].length) return 'server';
  return inElement(text, offset, 'script') ? 'client' : 'server';
}

/** Whether `offset` lies inside an element `<tag …>…</tag>` of an HTML-like text. */
function inElement(text: string, offset: number, tag: string): boolean {
  const open = text.lastIndexOf(`<${tag}`, offset);
  if (open === -1) return false;
  const close = text.lastIndexOf(`</${tag}`, offset);
  return close < open;
}

/** Whether `offset` lies in a comment: a line comment (`//`, `#`, `*` of a block) or a block or HTML comment. */
export function inComment(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (/^\s*(?:\/\/|#|\*|<!--|\{\/\*)/.test(before) || /[\s;,)}]\/\//.test(before)) return true;
  const block = text.lastIndexOf('/*', offset);
  if (block !== -1 && text.lastIndexOf('*/', offset) < block) return true;
  const html = text.lastIndexOf('<!--', offset);
  return html !== -1 && text.lastIndexOf('-->', offset) < html;
}

/** The prefixes that frameworks inline into client code: a variable so named is public. */
export const PUBLIC_PREFIXES = ['NEXT_PUBLIC_', 'EXPO_PUBLIC_', 'NUXT_PUBLIC_', 'PUBLIC_', 'VITE_', 'REACT_APP_', 'GATSBY_', 'VUE_APP_', 'STORYBOOK_'] as const;

/** A read of a client-public variable in code: `process.env.NEXT_PUBLIC_…`, `import.meta.env.VITE_…`. */
export const PUBLIC_ENV_READ = new RegExp(`(?<![A-Za-z0-9_])(?:${PUBLIC_PREFIXES.join('|')})[A-Z0-9_]+`);
