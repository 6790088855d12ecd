import { fake } from '../test/keys.js';
import { ruleTester } from '../test/rule-tester.js';
import rule from './openrouter-api-key.js';

const key = fake.openrouter();

ruleTester(rule, {
  valid: [
    { name: 'docs placeholder', source: 'OpenRouter quickstart: Bearer sk-or-v1-...', code: 'Authorization: Bearer sk-or-v1-...\n' },
    { name: 'not hex', source: 'made-up keys in tutorials', code: `key = "sk-or-v1-${'g'.repeat(64)}"\n` },
    { name: 'zeros', source: 'test fixtures', code: `key = "sk-or-v1-${'0'.repeat(64)}"\n` },
  ],
  invalid: [
    { name: 'Bearer header', code: `curl -H "Authorization: Bearer ${key}" https://openrouter.ai/api/v1/chat/completions\n`, errors: [{ line: 1, column: 32, secret: key }] },
  ],
});
