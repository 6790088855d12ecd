import { fake } from '../test/keys.js';
import { ruleTester } from '../test/rule-tester.js';
import rule from './xai-api-key.js';

const key = fake.xai();

ruleTester(rule, {
  valid: [
    { name: 'package name in prose', source: 'README text about the xai-sdk package', code: 'Install xai-sdk and set XAI_API_KEY.\n' },
    { name: 'too short', source: 'truncated keys in issue reports', code: `XAI_API_KEY=${key.slice(0, 40)}\n` },
  ],
  invalid: [{ name: 'env file', code: `XAI_API_KEY=${key}\n`, errors: [{ line: 1, column: 13, secret: key }] }],
});
