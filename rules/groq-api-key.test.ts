import { fake } from '../test/keys.js';
import { ruleTester } from '../test/rule-tester.js';
import rule from './groq-api-key.js';

const key = fake.groq();

ruleTester(rule, {
  valid: [
    { name: 'identifier containing gsk_', source: 'variable names such as task_gsk_settings', code: 'const task_gsk_settings_for_the_scheduler_module_defaults = 1;\n' },
    { name: 'docs placeholder', source: 'Groq quickstart', code: 'GROQ_API_KEY=gsk_...\n' },
  ],
  invalid: [
    { name: 'JavaScript client', code: `const groq = new Groq({ apiKey: '${key}' });\n`, errors: [{ line: 1, column: 34, secret: key }] },
  ],
});
