import { fake } from '../test/keys.js';
import { ruleTester } from '../test/rule-tester.js';
import rule from './anthropic-api-key.js';

const key = fake.anthropic();
const admin = fake.anthropicAdmin();

ruleTester(rule, {
  valid: [
    { name: 'docs placeholder', source: 'Anthropic quickstart: ANTHROPIC_API_KEY=sk-ant-...', code: 'ANTHROPIC_API_KEY=sk-ant-...\n' },
    { name: 'truncated key', source: 'keys shortened in issue reports', code: `key: ${key.slice(0, 60)}\n` },
    { name: 'environment lookup', source: 'the recommended pattern', code: 'client = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])\n' },
    { name: 'x placeholder of full length', source: 'docs showing the key shape', code: `sk-ant-api03-${'x'.repeat(93)}AA\n` },
  ],
  invalid: [
    { name: 'API key in Python', code: `client = anthropic.Anthropic(\n    api_key="${key}",\n)\n`, errors: [{ line: 2, column: 14, secret: key, severity: 'high' }] },
    { name: 'admin key', code: `ANTHROPIC_ADMIN_KEY=${admin}`, errors: [{ line: 1, column: 21, secret: admin, severity: 'critical', message: 'admin key' }] },
  ],
});
