import { fake } from '../test/keys.js';
import { ruleTester } from '../test/rule-tester.js';
import rule from './huggingface-token.js';

const token = fake.huggingface();
const org = fake.huggingfaceOrg();

ruleTester(rule, {
  valid: [
    { name: 'hf_hub_download', source: 'huggingface_hub API names', code: 'from huggingface_hub import hf_hub_download\npath = hf_hub_download(repo_id="gpt2")\n' },
    {
      name: 'long identifier made of words',
      source: 'snake_case names starting with hf_',
      code: 'hf_modelconfigurationloaderforpipelines = None\n',
    },
    { name: 'docs placeholder', source: 'HF docs', code: 'HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n' },
  ],
  invalid: [
    { name: 'user access token', code: `login(token="${token}")\n`, errors: [{ line: 1, column: 14, secret: token }] },
    { name: 'organisation token', code: `HUGGINGFACEHUB_API_TOKEN: ${org}\n`, errors: [{ line: 1, column: 27, secret: org }] },
  ],
});
