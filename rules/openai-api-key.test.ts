import { fake, openai, random } from '../test/keys.js';
import { ruleTester } from '../test/rule-tester.js';
import rule from './openai-api-key.js';

const MARK = ['T3Bl', 'bkFJ'].join('');
const proj = fake.openaiProject();
const legacy = fake.openaiLegacy();
const minified = `!function(){var a=${JSON.stringify(random('abcdefghij;,.(){}=', 3000, 'min'))};const c={apiKey:"${proj}",dangerouslyAllowBrowser:!0};a+=1}();`;

ruleTester(rule, {
  valid: [
    { name: 'ellipsis placeholder', source: 'OpenAI docs and READMEs: OPENAI_API_KEY=sk-...', code: 'OPENAI_API_KEY=sk-...\n' },
    { name: 'your-api-key-here placeholder', source: 'tutorials', code: 'openai.api_key = "sk-your-api-key-here"\n' },
    { name: 'REDACTED', source: 'redacted logs and bug reports', code: `key: sk-REDACTED${MARK}REDACTEDREDACTED\n` },
    {
      name: 'full-length x placeholder',
      source: 'docs that show the length of a project key',
      code: `OPENAI_API_KEY="sk-proj-${'x'.repeat(74)}${MARK}${'x'.repeat(74)}"\n`,
    },
    {
      name: 'repeated characters',
      source: 'test fixtures with a made-up key',
      code: `const k = "sk-${'a'.repeat(20)}${MARK}${'a'.repeat(20)}";\n`,
    },
    {
      name: 'sequential characters',
      source: 'test fixtures with a made-up key',
      code: `const k = "sk-abcdefghijklmnopqrst${MARK}01234567890123456789";\n`,
    },
    {
      name: 'legacy shape one character short',
      source: 'truncated keys in documentation',
      code: `k = "sk-${random('ABCDEFGHabcdefgh0123', 19, 's')}${MARK}${random('ABCDEFGHabcdefgh0123', 20, 't')}"\n`,
    },
    {
      name: 'halves of unequal length',
      source: 'random base64 that happens to contain the marker after sk-',
      code: `blob=sk-${random('ABCDEFGHabcdefgh0123', 30, 'u')}${MARK}${random('ABCDEFGHabcdefgh0123', 20, 'v')}\n`,
    },
    {
      name: 'key shape inside a longer token',
      source: 'base64 and hash blobs that contain sk- by chance',
      code: `data = "Zm9vYmFy${legacy}"\n`,
    },
    { name: 'environment lookup', source: 'the recommended pattern', code: 'const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n' },
    { name: 'the marker alone', source: 'base64 of "OpenAI" in encoded text', code: `encoded: ${MARK}\n` },
  ],
  invalid: [
    { name: 'legacy user key', code: `OPENAI_API_KEY=${legacy}\n`, errors: [{ line: 1, column: 16, secret: legacy, severity: 'critical', message: 'legacy user' }] },
    {
      name: 'short project key',
      code: `key = "${fake.openaiProjectShort()}"`,
      errors: [{ line: 1, column: 8, secret: fake.openaiProjectShort(), severity: 'high', message: 'project' }],
    },
    { name: 'project key (164)', code: `\n\napi_key = '${proj}'\n`, errors: [{ line: 3, column: 12, secret: proj, severity: 'high', message: 'project API key' }] },
    {
      name: 'project key (132)',
      code: `OPENAI_API_KEY: ${fake.openaiProject132()}\n`,
      errors: [{ line: 1, column: 17, secret: fake.openaiProject132(), severity: 'high' }],
    },
    {
      name: 'service-account key (sk-svcacct-)',
      code: `export OPENAI_API_KEY=${fake.openaiSvcacct()}\n`,
      errors: [{ line: 1, column: 23, secret: fake.openaiSvcacct(), severity: 'high', message: 'service-account' }],
    },
    {
      name: 'service-account key (sk-service-)',
      code: `KEY=${fake.openaiService()}`,
      errors: [{ line: 1, column: 5, secret: fake.openaiService(), severity: 'high', message: 'service-account' }],
    },
    {
      name: 'admin key',
      code: `admin = "${fake.openaiAdmin()}"\n`,
      errors: [{ line: 1, column: 10, secret: fake.openaiAdmin(), severity: 'critical', message: 'create and delete API keys' }],
    },
    {
      name: 'sk-None- key, short',
      code: `API_KEY = '${fake.openaiNoneShort()}'\n`,
      errors: [{ line: 1, column: 12, secret: fake.openaiNoneShort(), severity: 'high', message: 'without a project' }],
    },
    {
      name: 'sk-None- key, long',
      code: `API_KEY = '${fake.openaiNoneLong()}'\n`,
      errors: [{ line: 1, column: 12, secret: fake.openaiNoneLong(), severity: 'high' }],
    },
    {
      name: 'JSON-escaped string in a notebook',
      code: `{\n "cells": [{\n  "source": ["import openai\\n", "openai.api_key = \\"${proj}\\"\\n"]\n }]\n}\n`,
      errors: [{ line: 3, column: 53, secret: proj }],
    },
    { name: 'after an escaped newline', code: `{"text": "first line\\n${legacy}"}`, errors: [{ line: 1, column: 23, secret: legacy }] },
    { name: 'URL query string', code: `fetch("https://proxy.test/v1?key=${legacy}&model=gpt-4o")\n`, errors: [{ line: 1, column: 34, secret: legacy }] },
    { name: 'URL-encoded', code: `q=api_key%3D${legacy}%26x%3D1\n`, errors: [{ line: 1, column: 13, secret: legacy }] },
    { name: 'shell default expansion', code: `curl -H "Authorization: Bearer \${OPENAI_API_KEY:-${legacy}}"\n`, errors: [{ line: 1, column: 50, secret: legacy }] },
    { name: 'comment', code: `// old key, do not use: ${proj}\nconst x = 1;\n`, errors: [{ line: 1, column: 25, secret: proj }] },
    { name: 'minified single-line bundle', code: minified, errors: [{ line: 1, column: minified.indexOf(proj) + 1, secret: proj }] },
    {
      name: 'source map sourcesContent',
      code: `{"version":3,"sources":["src/a.ts"],"sourcesContent":["export const k = \\"${legacy}\\";\\n"],"mappings":"AAAA"}`,
      errors: [{ line: 1, column: 75, secret: legacy }],
    },
    { name: 'CRLF line endings', code: `line one\r\nKEY=${legacy}\r\nline three\r\n`, errors: [{ line: 2, column: 5, secret: legacy }] },
    { name: 'no trailing newline', code: `a\nb\n${proj}`, errors: [{ line: 3, column: 1, secret: proj }] },
    {
      name: 'two keys on one line',
      code: `keys = ["${legacy}", "${fake.openaiAdmin()}"]\n`,
      errors: [
        { line: 1, column: 10, secret: legacy },
        { line: 1, column: 10 + legacy.length + 4, secret: fake.openaiAdmin() },
      ],
    },
    {
      name: 'key after multi-byte text',
      code: `# 키 설정 — ключ: ${openai('', 20, 'utf')}\n`,
      errors: [{ line: 1, column: 16, secret: openai('', 20, 'utf') }],
    },
  ],
});
