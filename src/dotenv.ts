// What counts as a dotenv file, what counts as a template meant to be committed, and which
// .gitignore lines keep the former out of git while letting the latter in. Pure; names only.

const TEMPLATE_WORDS = 'example|sample|template|defaults|dist';
/** .env.example, .env.local.example, .env.example.local, example.env */
const TEMPLATE = new RegExp(`^(?:\\.env(?:\\.[^/]+)?\\.(?:${TEMPLATE_WORDS})(?:\\.[^/]+)?|(?:${TEMPLATE_WORDS})\\.env)$`, 'i');
/** .env, .env.local, .env.production, .env.staging.local, .envrc, config.env */
const DOTENV = /^(?:\.env(?:\.[^/]+)?|\.envrc|[^/]+\.env)$/;
/** Code that only carries "env" in its name: .env.d.ts, .env.mjs (loaders, types). */
const CODE = /\.(?:[cm]?[jt]sx?|d\.ts)$/;

const base = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** A file of environment variables, a template included (.env.example): a build reads them all. */
export function isEnvFile(path: string): boolean {
  const name = base(path);
  return DOTENV.test(name) && !CODE.test(name);
}

/** A file that holds environment variables for one machine or deployment (templates excluded). */
export function isDotenv(path: string): boolean {
  const name = base(path);
  return DOTENV.test(name) && !TEMPLATE.test(name) && !CODE.test(name);
}

const TEMPLATE_NEGATIONS = ['!.env.example', '!.env.sample', '!.env.template', '!.env.defaults', '!.env.dist', '!.env.*.example'];

/**
 * The .gitignore lines that ignore this dotenv file wherever it sits, with negations that keep the
 * templates committable: `.env*` for .env, .env.local, .envrc…; `*.env` for config.env and kin.
 */
export function ignoreLines(path: string): string[] {
  const name = base(path);
  if (name.startsWith('.env')) return ['.env*', ...TEMPLATE_NEGATIONS];
  return ['*.env', '!example.env', '!sample.env', '!template.env'];
}
