import { fake } from '../test/keys.js';
import { ruleTester } from '../test/rule-tester.js';
import rule from './deepseek-api-key.js';

const key = fake.deepseek();

ruleTester(rule, {
  valid: [
    { name: 'no DeepSeek context', source: 'sk- plus 32 hex is also other vendors\' and internal ids', code: `# deepseek is mentioned only here\n${'\n'.repeat(3000)}token = "${key}"\n` },
    { name: 'DeepSeek named, placeholder key', source: 'DeepSeek quickstart', code: 'client = OpenAI(api_key="sk-...", base_url="https://api.deepseek.com")\n' },
  ],
  invalid: [
    {
      name: 'OpenAI SDK pointed at DeepSeek',
      code: `client = OpenAI(api_key="${key}", base_url="https://api.deepseek.com")\n`,
      errors: [{ line: 1, column: 26, secret: key }],
    },
    { name: 'DEEPSEEK_API_KEY', code: `DEEPSEEK_API_KEY=${key}\n`, errors: [{ line: 1, column: 18, secret: key }] },
  ],
});
