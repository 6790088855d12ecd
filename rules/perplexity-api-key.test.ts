import { fake } from '../test/keys.js';
import { ruleTester } from '../test/rule-tester.js';
import rule from './perplexity-api-key.js';

const key = fake.perplexity();

ruleTester(rule, {
  valid: [
    { name: 'model name', source: 'Perplexity model ids such as pplx-7b-online', code: 'model: "pplx-7b-online"\n' },
    { name: 'docs placeholder', source: 'Perplexity quickstart', code: 'PERPLEXITY_API_KEY=pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n' },
  ],
  invalid: [{ name: 'Python client', code: `client = OpenAI(api_key="${key}", base_url="https://api.perplexity.ai")\n`, errors: [{ line: 1, column: 26, secret: key }] }],
});
