import { describe, expect, it } from 'vitest';
import { Engine } from '../src/engine.js';
import type { Hits } from '../src/keywords.js';
import { windowOf } from '../test/helpers.js';
import { fake } from '../test/keys.js';
import { type Expected, located, ruleTester } from '../test/rule-tester.js';
import rule, { nameStrength, valueShape } from './hardcoded-credential.js';
import { RULES } from './index.js';

const t = fake.token();
const t2 = fake.token('tok2', 40);
const pw = fake.password();
const hex = fake.hex();
const azure84 = fake.token('az84', 84);
const uuid = `${fake.hex('u1', 8)}-${fake.hex('u2', 4)}-4${fake.hex('u3', 3)}-a${fake.hex('u4', 3)}-${fake.hex('u5', 12)}`;
const sha = fake.hex('sha', 40);
const b64 = (s: string) => Buffer.from(s).toString('base64');
/** candidates' arguments for one file alone in a window. */
const windowArgs = (text: string, path: string): [Buffer, number[], string[]] => {
  const { window, ends } = windowOf([text]);
  return [window, ends, [path]];
};

/** The expected finding for `secret` at its first (or `nth`) occurrence in `code`. */
function at(code: string, secret: string, more: Partial<Expected> = {}, nth = 1): Expected {
  return { ...located(code, secret, nth), secret, ...more };
}

/** An invalid case whose one finding is `secret` in `code`. */
const finds = (name: string, code: string, secret = t, path?: string, more: Partial<Expected> = {}) => ({
  name,
  code,
  ...(path ? { path } : {}),
  errors: [at(code, secret, more)],
});

ruleTester(rule, {
  invalid: [
    // JavaScript and TypeScript
    finds('JS const apiKey = "..."', `const apiKey = "${t}";\n`, t, 'src/client.js', { message: 'apiKey', severity: 'high' }),
    finds('JS object property apiKey: "..."', `const config = {\n  model: "gpt-4o",\n  apiKey: "${t}",\n};\n`, t, 'src/config.ts'),
    finds('JSON "api_key": "..."', `{\n  "endpoint": "https://api.example.com",\n  "api_key": "${t}"\n}\n`, t, 'config/settings.json'),
    finds('new OpenAI({ apiKey: "..." })', `import OpenAI from "openai";\nconst client = new OpenAI({ apiKey: "${t}" });\n`, t, 'src/ai.ts'),
    finds('fetch headers Authorization: "Bearer ..."', `fetch(url, { headers: { Authorization: "Bearer ${t}" } });\n`, t, 'src/api.js'),
    finds('template literal without interpolation', `const headers = { Authorization: \`Bearer ${t}\` };\n`, t, 'src/api.ts'),
    finds('process.env.OPENAI_API_KEY = "..."', `process.env.OPENAI_API_KEY = "${t}";\n`, t, 'scripts/setup.mjs'),
    finds('process.env.X || "..." fallback', `const key = process.env.OPENAI_API_KEY || "${t}";\n`, t, 'server/index.js', { message: 'OPENAI_API_KEY' }),
    finds('process.env.X ?? "..." fallback', `const token = process.env.GITHUB_TOKEN ?? '${t}';\n`, t, 'server/gh.ts'),
    finds('TS type annotation', `export const apiKey: string = "${t}";\n`, t, 'src/keys.ts'),
    // Python
    finds('Python api_key = "..."', `import openai\n\napi_key = "${t}"\n`, t, 'app/main.py', { message: 'api_key' }),
    finds('Python openai.api_key = "..."', `openai.api_key = "${t}"\n`, t, 'app/legacy.py'),
    finds('Python OpenAI(api_key="...")', `client = OpenAI(api_key="${t}")\n`, t, 'app/client.py'),
    finds('Python os.environ["X"] = "..."', `os.environ["OPENAI_API_KEY"] = "${t}"\n`, t, 'notebooks/setup.py'),
    finds('Python os.getenv("X", "...") default', `key = os.getenv("OPENAI_API_KEY", "${t}")\n`, t, 'app/settings.py'),
    finds('Python os.environ.get("X", "...") default', `key = os.environ.get('ANTHROPIC_API_KEY', '${t}')\n`, t, 'app/settings2.py'),
    finds('Python annotated assignment', `API_TOKEN: str = "${t}"\n`, t, 'app/config.py'),
    finds('Django SECRET_KEY', `SECRET_KEY = 'django-insecure-${t2}'\n`, `django-insecure-${t2}`, 'mysite/settings.py'),
    // Go, Java, Kotlin, C#, PHP, Ruby, Rust, Swift
    finds('Go const', `package main\n\nconst apiKey = "${t}"\n`, t, 'main.go', { message: 'apiKey' }),
    finds('Go short variable declaration', `func main() {\n\ttoken := "${t}"\n}\n`, t, 'cmd/run.go'),
    finds('Go typed var', `var APIKey string = "${t}"\n`, t, 'pkg/client.go'),
    finds('Go struct literal field', `cfg := Config{\n\tToken: "${t}",\n}\n`, t, 'pkg/config.go'),
    finds('Java static final String', `public class Api {\n  private static final String API_KEY = "${t}";\n}\n`, t, 'src/main/java/Api.java'),
    finds('Kotlin const val', `const val API_KEY = "${t}"\n`, t, 'app/src/Keys.kt'),
    finds('Kotlin typed val', `val apiKey: String = "${t}"\n`, t, 'app/src/Client.kt'),
    finds('C# const string', `private const string ApiKey = "${t}";\n`, t, 'Services/OpenAiService.cs'),
    finds('PHP variable', `<?php\n$apiKey = '${t}';\n`, t, 'config.php'),
    finds("PHP define('API_KEY', '...')", `define('API_KEY', '${t}');\n`, t, 'wp-config.php'),
    finds("PHP array 'api_key' => '...'", `return [\n    'api_key' => '${t}',\n];\n`, t, 'config/services.php'),
    finds('Ruby constant', `API_KEY = '${t}'\n`, t, 'lib/client.rb'),
    finds('Ruby config attribute', `Openai.configure do |config|\n  config.access_token = '${t}'\nend\n`, t, 'config/initializers/openai.rb'),
    finds('Ruby hash with symbol key', `client = Client.new(api_key: '${t}')\n`, t, 'app/models/bot.rb'),
    finds('Rust const &str', `const API_KEY: &str = "${t}";\n`, t, 'src/main.rs'),
    finds('Swift let', `let apiKey = "${t}"\n`, t, 'App/Config.swift', { message: 'apiKey' }),
    // Shell and CI
    finds('shell export', `#!/bin/sh\nexport OPENAI_API_KEY=${t}\npython app.py\n`, t, 'run.sh'),
    finds('shell variable before a command', `OPENAI_API_KEY=${t} python app.py\n`, t, 'scripts/dev.sh'),
    finds('curl -H "Authorization: Bearer ..."', `curl https://api.openai.com/v1/models -H "Authorization: Bearer ${t}"\n`, t, 'scripts/models.sh'),
    finds('Dockerfile ENV X=...', `FROM node:20\nENV OPENAI_API_KEY=${t}\n`, t, 'Dockerfile', { message: 'OPENAI_API_KEY' }),
    finds('Dockerfile ARG X=...', `ARG NPM_TOKEN=${t}\n`, t, 'docker/Dockerfile.build'),
    finds('Dockerfile ENV X value (space form)', `ENV API_KEY ${t}\n`, t, 'Dockerfile'),
    finds('GitHub Actions env block', `jobs:\n  test:\n    env:\n      OPENAI_API_KEY: ${t}\n`, t, '.github/workflows/ci.yml'),
    finds('GitLab CI variables', `variables:\n  API_TOKEN: "${t}"\n`, t, '.gitlab-ci.yml'),
    // Config
    finds('Kubernetes env name/value pair', `env:\n  - name: OPENAI_API_KEY\n    value: ${t}\n`, t, 'k8s/deployment.yaml'),
    finds('Kubernetes Secret stringData', `apiVersion: v1\nkind: Secret\nstringData:\n  password: ${t2}\n`, t2, 'k8s/plain.yaml'),
    finds('Kubernetes Secret data (base64)', `apiVersion: v1\nkind: Secret\ndata:\n  api-key: ${b64(t)}\n`, b64(t), 'k8s/secret.yaml'),
    finds('YAML quoted value', `openai:\n  api_key: '${t}'\n`, t, 'config/app.yml'),
    finds('TOML', `[openai]\napi_key = "${t}"\n`, t, 'config.toml'),
    finds('INI password', `[database]\nhost = db.internal\npassword = ${pw}\n`, pw, 'app.ini', { message: 'password' }),
    finds('Java properties', `spring.datasource.password=${pw}\n`, pw, 'src/main/resources/application.properties'),
    finds('XML appSettings add key/value', `<appSettings>\n  <add key="ApiKey" value="${t}" />\n</appSettings>\n`, t, 'web.config'),
    finds('XML element', `<server>\n  <password>${pw}</password>\n</server>\n`, pw, 'settings.xml'),
    finds('Terraform variable default', `variable "openai_api_key" {\n  type      = string\n  default   = "${t}"\n}\n`, t, 'infra/main.tf'),
    finds('tracked .env file', `OPENAI_API_KEY=${t}\n`, t, '.env.production'),
    // URLs and connection strings
    finds('postgres URL with password', `DATABASE_URL = "postgres://app:${pw}@db.internal:5432/app"\n`, pw, 'app/db.py', { message: 'URL' }),
    finds('mongodb+srv URL', `const uri = "mongodb+srv://admin:${pw}@cluster0.mongodb.net/shop";\n`, pw, 'src/db.js'),
    finds('git URL with a token', `git clone https://deploy:${t}@git.internal.io/team/repo.git\n`, t, 'scripts/clone.sh'),
    finds('redis URL with password only', `REDIS_URL: redis://:${pw}@cache:6379/0\n`, pw, 'docker-compose.yml'),
    // Azure OpenAI
    finds('Azure OpenAI 32-hex key', `AZURE_OPENAI_API_KEY = "${hex}"\n`, hex, 'app/azure.py', { message: 'Azure OpenAI' }),
    finds(
      'Azure OpenAI 84-character key in an api-key header',
      `const endpoint = "https://myres.openai.azure.com/";\nconst headers = { "api-key": "${azure84}" };\n`,
      azure84,
      'src/azure.ts',
      { message: 'Azure OpenAI' },
    ),
    // Values that only look like references, paths or fake words (review findings)
    finds('password starting with "!"', `db_password = "!${pw}"\n`, `!${pw}`, 'app/db.py'),
    finds('password starting with "@"', `admin_password = "@${pw}"\n`, `@${pw}`, 'app/admin.py'),
    finds('password starting with "*"', `redis_password = "*${pw}"\n`, `*${pw}`, 'app/cache.py'),
    finds('base64 secret starting with "/"', `aws_secret_access_key = "/${t2}+q"\n`, `/${t2}+q`, 'app/aws.py'),
    finds('random value that happens to hold "Mock"', `api_key = "${t.slice(0, 12)}Mock${t.slice(12, 24)}"\n`, `${t.slice(0, 12)}Mock${t.slice(12, 24)}`, 'app/k.py'),
    finds('connection string password with "&"', `{ "Default": "Server=db;Database=app;User Id=sa;Password=${pw}&x9;" }\n`, `${pw}&x9`, 'appsettings.json'),
    // Names and values that reach the patterns other than through a name's last word (review findings)
    finds('a name ending in pw after a separator (DB_PW)', `DB_PW = "${pw}"\n`, pw, 'app/db.py', { message: 'DB_PW' }),
    finds('a name with trailing underscores', `API_KEY_____ = "${t}"\n`, t, 'app/k.py', { message: 'API_KEY_____' }),
    finds('a Bearer value under a header name, token too short for the Bearer pattern', `auth_header = "Bearer ${pw}"\n`, pw, 'app/api.py', { message: 'auth_header' }),
    finds('a Bearer value under a header name, token with a $', `auth_header = "Bearer ${t.slice(0, 8)}$${t.slice(8)}"\n`, `${t.slice(0, 8)}$${t.slice(8)}`, 'app/api2.py', { message: 'auth_header' }),
    finds('a Bearer value in .env, unquoted', `AUTH_HEADER=Bearer ${pw}\n`, pw, '.env.local', { message: 'AUTH_HEADER' }),
    finds('a Bearer value in a Dockerfile ENV, named after its variable', `ENV AUTH_HEADER=Bearer ${t}\n`, t, 'Dockerfile', { message: 'AUTH_HEADER' }),
    // Test code is still code: a random value without a word saying it is fake is a finding.
    finds('random key in a test file', `api_key = "${t}"\n`, t, 'tests/test_client.py'),
    {
      name: 'two credentials on one line',
      path: 'src/both.js',
      code: `const auth = { user: "bot", password: "${pw}", token: "${t}" };\n`,
      errors: [at(`const auth = { user: "bot", password: "${pw}", token: "${t}" };\n`, pw), at(`const auth = { user: "bot", password: "${pw}", token: "${t}" };\n`, t)],
    },
  ],
  valid: [
    // Environment and secret-manager lookups
    { name: 'process.env lookup', source: 'the recommended Node.js pattern', code: 'const apiKey = process.env.OPENAI_API_KEY;\n', path: 'src/a.js' },
    { name: 'os.getenv lookup', source: 'the recommended Python pattern', code: 'api_key = os.getenv("OPENAI_API_KEY")\n', path: 'a.py' },
    { name: 'GitHub Actions secrets expression', source: 'GitHub Actions workflows', code: 'env:\n  OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n', path: '.github/workflows/ci.yml' },
    { name: 'shell variable reference', source: 'shell scripts and Dockerfiles', code: 'export OPENAI_API_KEY=${OPENAI_API_KEY}\nexport TOKEN=$GITHUB_TOKEN\n', path: 'run.sh' },
    { name: 'Helm template value', source: 'Helm charts', code: 'password: {{ .Values.db.password }}\n', path: 'chart/templates/secret.yaml' },
    { name: 'SealedSecret encryptedData', source: 'Bitnami Sealed Secrets, encrypted for the cluster and meant to be committed', code: `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db\nspec:\n  encryptedData:\n    password: ${t2}\n`, path: 'k8s/sealed.yaml' },
    { name: 'Kubernetes secretKeyRef', source: 'Kubernetes manifests', code: '- name: OPENAI_API_KEY\n  valueFrom:\n    secretKeyRef:\n      name: openai\n      key: api-key\n', path: 'k8s/d.yaml' },
    { name: 'dict lookup', source: 'Python config readers', code: 'key = config["api_key"]\n', path: 'b.py' },
    // Placeholders
    { name: '<YOUR_API_KEY>', source: 'quickstart docs and templates', code: 'api_key = "<YOUR_API_KEY>"\n', path: 'c.py' },
    { name: 'your-api-key', source: 'README snippets', code: 'const apiKey = "your-api-key-here";\n', path: 'd.js' },
    { name: 'xxxx', source: 'sample configs', code: 'api_key: "xxxxxxxxxxxxxxxxxxxxxxxx"\n', path: 'e.yml' },
    { name: 'changeme', source: 'docker-compose defaults', code: 'POSTGRES_PASSWORD: changeme\n', path: 'docker-compose.yml' },
    { name: 'REDACTED and ***', source: 'logs and redacted configs', code: 'token = "REDACTED"\npassword = "********"\n', path: 'f.py' },
    { name: 'Jinja/Handlebars template', source: 'Ansible and cookiecutter templates', code: 'api_key = "{{ api_key }}"\n', path: 'g.py' },
    { name: 'format string', source: 'printf-style templates', code: 'auth_header = "Bearer %s"\n', path: 'h.py' },
    { name: 'empty, None and null', source: 'config defaults', code: 'api_key = ""\ntoken = None\n', path: 'i.py' },
    { name: '.env.example template', source: 'templates committed beside .env', code: 'OPENAI_API_KEY=sk-your-key-here\nDB_PASSWORD=\n', path: '.env.example' },
    // Names that only look secret
    { name: 'public_key', source: 'crypto code and SSH config', code: `public_key = "${t}"\n`, path: 'j.py' },
    { name: 'VS Code keybindings "key"', source: 'VS Code keybindings.json, a gitleaks false positive', code: '[{ "key": "ctrl+shift+down", "command": "editor.action.copyLinesDownAction" }]\n', path: '.vscode/keybindings.json' },
    { name: 'primary_key', source: 'ORM models', code: 'primary_key = "user_id"\n', path: 'models.py' },
    { name: 'max_tokens and token_count', source: 'LLM request parameters', code: 'max_tokens = 4000\ntoken_count = "1200000"\n', path: 'k.py' },
    { name: 'password_field', source: 'login forms', code: 'PASSWORD_FIELD = "user_password_input"\n', path: 'forms.py' },
    { name: 'secret_name', source: 'AWS Secrets Manager lookups', code: 'secret_name = "prod/openai/api-key"\n', path: 'aws.py' },
    { name: '*_url, *_path, *_file, *_env', source: 'config that points at secrets', code: `token_url = "https://auth.example.com/oauth/token"\ntoken_path = "/var/run/secrets/token"\nkey_file = "certs/server.key"\npassword_env = "DB_PASSWORD"\n`, path: 'l.py' },
    { name: 'key_id holding an id', source: 'AWS KMS and JWKS config', code: `key_id = "${uuid}"\n`, path: 'm.py' },
    { name: 'storage key names', source: 'front-end localStorage keys', code: 'const STORAGE_KEY = "app-settings-v2";\n', path: 'n.js' },
    { name: 'React key prop in a minified map', source: 'minified bundles', code: `items.map(x=>({key:"${t}"}))\n`, path: 'dist/o.js' },
    { name: 'HF tokenizer revision (a git SHA)', source: 'Hugging Face model configs', code: `"tokenizer_revision": "${sha}"\n`, path: 'config.json' },
    // Lockfiles and integrity hashes
    { name: 'package-lock.json', source: 'npm lockfiles', code: `{"node_modules/js-tokens": {"token": "${t}", "integrity": "sha512-${b64(t2)}"}}\n`, path: 'package-lock.json' },
    { name: 'Cargo.lock checksum', source: 'Cargo lockfiles', code: `[[package]]\nname = "secret-service"\nchecksum = "${fake.hex('ck', 64)}"\n`, path: 'Cargo.lock' },
    { name: 'SRI integrity attribute', source: 'HTML script tags from CDNs', code: `<script src="https://cdn.example.com/lib.js" integrity="sha384-${b64(t2)}" crossorigin="anonymous"></script>\n`, path: 'index.html' },
    // Ids and hashes
    { name: 'UUIDs used as ids', source: 'request and tenant ids', code: `request_id = "${uuid}"\nclient_id: ${uuid}\n`, path: 'p.yml' },
    // Test fixtures that say they are fake, docs with placeholders
    { name: 'fake key in a test', source: 'unit tests', code: 'fake_api_key = "test-key-not-real"\n', path: 'tests/test_a.py' },
    { name: 'FAKE_TOKEN constant', source: 'mocks in test suites', code: `FAKE_TOKEN = "${t}"\n`, path: 'tests/conftest.py' },
    { name: 'README with placeholders', source: 'docs showing the bad pattern', code: '```sh\nexport OPENAI_API_KEY=your-key-here\n```\n```python\nclient = OpenAI(api_key="sk-...")\n```\n', path: 'README.md' },
    // Code that handles passwords without holding one
    { name: 'parameters, comparisons, annotations, hashing', source: 'authentication code', code: 'def login(password):\n    if password == confirm_password:\n        return bcrypt.hash(password, 10)\n', path: 'auth.py' },
    { name: 'TS interface fields', source: 'type declarations', code: 'interface Creds {\n  password: string;\n  apiKey?: string;\n}\n', path: 'types.ts' },
    { name: 'unquoted expression in code', source: 'code assigning a variable', code: 'const apiKey = getApiKeyFromVault(region);\n', path: 'q.ts' },
    { name: 'placeholder password in a URL', source: 'connection string docs', code: 'DATABASE_URL=postgres://user:password@localhost:5432/db\n', path: 'docs/setup.sh' },
    { name: 'URL with a variable password', source: 'URLs built from the environment', code: 'url = f"postgres://app:{db_password}@db:5432/app"\nurl2 = "redis://:${REDIS_PASSWORD}@cache:6379"\n', path: 'r.py' },
    { name: 'word in a comma list', source: 'function calls with a key argument', code: 'if (!startsWith(key, "types@")) return false;\n', path: 's.js' },
    { name: 'base64 of words in a README', source: 'npm registry auth docs', code: `  username: 'isaacs',\n  password: '${b64('not my real password')}',\n`, path: 'lib/auth.js' },
  ],
});

describe('hardcoded-credential confidence', () => {
  const engine = new Engine([rule]);
  const scan = (code: string, path: string) => engine.scan({ path, content: code, line: 1 });

  it('is high for a random value in a secret name, medium for a password, lower in tests and docs', () => {
    expect(scan(`api_key = "${t}"\n`, 'a.py')[0]?.confidence).toBeUndefined();
    expect(scan(`password = "${pw}"\n`, 'a.py')[0]?.confidence).toBe('medium');
    expect(scan(`api_key = "${t}"\n`, 'tests/a.py')[0]?.confidence).toBe('medium');
    expect(scan(`password = "${pw}"\n`, 'tests/a.py')[0]?.confidence).toBe('low');
    expect(scan(`OPENAI_API_KEY="${t}"\n`, 'docs/setup.md')[0]?.confidence).toBe('medium');
  });

  it('is low for a bare "key" name', () => {
    expect(scan(`key = "${t}"\n`, 'a.py')[0]?.confidence).toBe('low');
  });

  it('reads the words around a value on its line, and on a minified line only those near it', () => {
    expect(scan(`api_key = "${t}" // dummy\n`, 'a.js')[0]?.confidence).toBe('low');
    // One line of a bundle: thousands of assignments, each judged by its own neighbourhood.
    const many = Array.from({ length: 3000 }, (_, i) => `a${i}={api_key:"${fake.token(`m${i}`)}"}`);
    const line = `${many.join(';')};var note="dummy"`;
    const found = scan(`${line}\n`, 'dist-like/vendor.min.js');
    // Each as found on a line of its own (a few made-up values are words, and no secret).
    expect(found).toHaveLength(many.filter((a) => scan(`${a}\n`, 'dist-like/vendor.min.js').length === 1).length);
    expect(found.length).toBeGreaterThan(2900);
    expect(found.filter((f) => f.confidence === 'low')).toHaveLength(found.filter((f) => line.length - f.endColumn! < 1000).length);
    expect(found[0]).toMatchObject({ line: 1, column: 'a0={api_key:"'.length + 1 });
    expect(found[0]!.confidence).toBeUndefined();
  });
});

describe('hardcoded-credential anchored at the words of names', () => {
  it('places a secret after text that is not ASCII, and after bytes that are not UTF-8, read from a window', () => {
    const engine = new Engine([rule]);
    const files = [Buffer.from('# café, Р†\n'), Buffer.from(`# café, Р†, 🔑\nAPI_KEY = "${t}"\n`), Buffer.concat([Buffer.from([0xc3, 0xa9, 0xff, 0xe2, 0x82]), Buffer.from(` x = 1; PASSWORD = "${pw}"\n`)]), Buffer.from('plain')];
    const { window, ends } = windowOf(files);
    const found = new Map(engine.candidates(window, ends, ['a.py', 'b.py', 'c.py', 'd.py']));
    expect([...found.keys()]).toEqual([1, 2]);
    const at = (i: number): number[] => {
      const f = engine.scan({ path: 'a.py', content: files[i]!, line: 1 }, found.get(i))[0]!;
      return [f.line!, f.column!, f.endColumn!];
    };
    expect(at(1)).toEqual([2, 12, 12 + t.length]);
    // é, then three bytes that are no UTF-8 (two U+FFFD): five bytes, three characters before the line's text.
    expect(at(2)).toEqual([1, 24, 24 + pw.length]);
  });

  it('takes from a window every file where a name ends in a word, and finds in each what it finds in the file alone', () => {
    const engine = new Engine([rule]);
    const files: [string, string][] = [
      ['keys.js', 'const keys = Object.keys(tokens).map((key) => passThrough(key));\n'],
      // Words inside longer names (keyboard, tokens, passThrough) only: no name ends in one.
      ['keyboard.js', 'const keyboard = new Keyboard(tokens, passThrough, authorName);\n'],
      ['assign.js', `const apiKey = "${t}";\n`],
      ['accent.js', `const password = "${pw.slice(0, 4)}à${pw.slice(4)}";\n`],
      ['accent-keys.js', `// clés\nconst keys = Object.keys(tokens);\n`],
      ['config.yml', `api_key: ${t}\n`],
      // An unquoted value is an expression in code.
      ['config.js', `api_key: ${t}\n`],
      ['url.js', `fetch("https://example.org/api?token");\n`],
      ['db.js', `const url = "postgres://app:${pw}@db.internal/app";\n`],
      ['plain.js', 'export const answer = 42;\n'],
    ];
    const { window, ends } = windowOf(files.map(([, text]) => text));
    const found = engine.candidates(window, ends, files.map(([path]) => path));
    // Nor does a value follow the others' names, as a pattern would read it.
    expect(found.map(([i]) => files[i]![0])).toEqual(['assign.js', 'accent.js', 'config.yml', 'db.js']);
    const reported: string[] = [];
    for (const [i, hits] of found) {
      const [path, text] = files[i]!;
      const fromWindow = engine.scan({ path, content: Buffer.from(text), line: 1 }, hits);
      expect(fromWindow, path).toEqual(engine.scan({ path, content: Buffer.from(text), line: 1 }));
      if (fromWindow.length > 0) reported.push(path);
    }
    expect(reported).toEqual(['assign.js', 'accent.js', 'config.yml', 'db.js']);
  });

  it('finds from a window what it finds in the file alone when text beyond ASCII stretches a match (a Terraform description in Chinese, a Cyrillic user name, a long password)', () => {
    const engine = new Engine([rule]);
    const files: [string, string][] = [
      ['main.tf', `variable "api_key" {\n  description = "${'用于调用模型服务的密钥，请勿提交到代码仓库。'.repeat(5)}"\n  type        = string\n  default     = "${t}"\n}\n`],
      ['db.js', `const url = "postgres://${'администратор'.repeat(3)}:${pw}@db.internal.net/app";\n`],
      ['a.js', `const password = "${pw}${'ЖЩЮЯжщюяЁё'.repeat(15)}";\n`],
    ];
    const { window, ends } = windowOf(files.map(([, text]) => text));
    const found = new Map(engine.candidates(window, ends, files.map(([path]) => path)));
    files.forEach(([path, text], i) => {
      const alone = engine.scan({ path, content: Buffer.from(text), line: 1 });
      expect(alone, path).toHaveLength(1);
      expect(found.has(i), path).toBe(true);
      expect(engine.scan({ path, content: Buffer.from(text), line: 1 }, found.get(i)!), path).toEqual(alone);
    });
  });

  it('tries no pattern inside a long run of words (a file of nothing but "key"), and reads each name once where they end', () => {
    const engine = new Engine([rule]);
    // Only the last word ends a name (the end of a file may end one).
    const run = 'key'.repeat(100_000);
    const [[, last]] = engine.candidates(...windowArgs(run, 'a.env')) as [[number, Hits]];
    expect(last.at).toEqual([run.length - 3]);
    // Every word ends a name: tried at each, the pattern reads a bounded stretch.
    const ended = 'key:'.repeat(100_000);
    const [[, hits]] = engine.candidates(...windowArgs(ended, 'a.env')) as [[number, Hits]];
    expect(hits.ids).toHaveLength(100_000);
    expect(engine.scan({ path: 'a.env', content: Buffer.from(ended), line: 1 }, hits)).toEqual([]);
  });

  it('finds a secret under every name it takes for one, whichever word ends the name', () => {
    const engine = new Engine([rule]);
    const firsts = ['', 'api', 'db', 'client', 'my', 'secret', 'access', 'mini', 'sub', 'shop'];
    const lasts = ['key', 'Key', 'KEY', 'keys', 'token', 'Token', 'tokens', 'secret', 'Secrets', 'pass', 'Password', 'PASSWD', 'passphrase', 'pwd', 'auth', 'Authorization', 'creds', 'credential', 'Credentials', 'bearer', 'keyBase', 'KEY_FALLBACKS', 'keyboard'];
    let taken = 0;
    for (const first of firsts) {
      for (const joint of ['', '_', '-', '.']) {
        for (const last of lasts) {
          for (const end of ['', '_']) {
            const name = first === '' ? `${last}${end}` : `${first}${joint}${last}${end}`;
            if (nameStrength(name) === null) continue;
            taken++;
            for (const [path, text] of [['a.py', `${name} = "${t}"\n`], ['a.json', `{"${name}": "${t}"}`], ['a.yml', `${name}: ${t}\n`]] as const) {
              expect(engine.scan({ path, content: text, line: 1 }).map((f) => f.secret), `${path}: ${text}`).toEqual([t]);
            }
          }
        }
      }
    }
    expect(taken).toBeGreaterThan(500);
  });

  it('reads a name and its value in code up to 64 blanks apart (aligned columns)', () => {
    const engine = new Engine([rule]);
    const at = (blanks: number): number => engine.scan({ path: 'a.go', content: `const apiKey${' '.repeat(blanks)}= "${t}"\n`, line: 1 }).length;
    expect([at(1), at(40), at(64)]).toEqual([1, 1, 1]);
  });
});

describe('hardcoded-credential beside the key rules', () => {
  it('reports a whole vendor key when it runs without the key rules (--rules), but not a near miss', () => {
    const engine = new Engine([rule]);
    const key = fake.openaiProject();
    expect(engine.scan({ path: 'a.py', content: `OPENAI_API_KEY = "${key}"\n`, line: 1 }).map((f) => f.secret)).toEqual([key]);
    expect(engine.scan({ path: 'a.py', content: `OPENAI_API_KEY = "sk-proj-${t}"\n`, line: 1 })).toEqual([]);
  });

  it('names a URL user only when it is a plain name, since an API key can stand in its place', () => {
    const engine = new Engine([rule]);
    const [named] = engine.scan({ path: 'a.py', content: `DB = "postgres://admin:${pw}@db.internal/app"\n`, line: 1 });
    expect(named!.message).toContain('user admin');
    const [keyUser] = engine.scan({ path: 'a.py', content: `SHOP = "https://${hex}:${t}@shop.example.io/admin"\n`, line: 1 });
    expect(keyUser!.message).not.toContain(hex);
  });

  it('leaves a vendor key to its own rule: one finding, not two', () => {
    const engine = new Engine(RULES);
    const key = fake.openaiProject();
    const found = engine.scan({ path: 'a.py', content: `api_key = "${key}"\npassword = "${pw}"\n`, line: 1 });
    expect(found.map((f) => [f.ruleId, f.line])).toEqual([
      ['hardcoded-credential', 2],
      ['openai-api-key', 1],
    ]);
  });
});

describe('names and values', () => {
  it.each([
    ['OPENAI_API_KEY', 'strong'],
    ['apiKey', 'strong'],
    ['x-api-key', 'strong'],
    ['db.password', 'strong'],
    ['client_secret', 'strong'],
    ['secret_key_base', 'strong'],
    ['key', 'weak'],
    ['mapbox_key', 'medium'],
    ['public_key', null],
    ['publishableKey', null],
    ['keyboard', null],
    ['token_count', null],
    ['next_token', null],
    ['AWS_ACCESS_KEY_ID', null],
    ['secret_name', null],
  ])('%s is %s', (name, strength) => {
    expect(nameStrength(name)).toBe(strength);
  });

  it.each([
    [t, 'random'],
    [hex, 'random'],
    [pw, 'password'],
    [uuid, 'uuid'],
    ['ctrl+shift+down', null],
    ['app-settings-v2', null],
    ['OPENAI_API_KEY', null],
    ['passwordField', null],
    ['admin2024', null],
    ['${API_KEY}', null],
    ['/var/run/secrets/token', null],
    ['1.2.3', null],
    [`sha512-${b64(t2)}`, null],
  ])('%s looks %s', (value, shape) => {
    expect(valueShape(value)).toBe(shape);
  });
});
