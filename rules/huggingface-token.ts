// huggingface-token: Hugging Face user access tokens ("hf_" and 34 letters) and legacy
// organisation tokens ("api_org_" and 34 letters).

import { tokenPattern } from '../src/patterns.js';
import type { ContentRule } from '../src/types.js';

const rule: ContentRule = {
  id: 'huggingface-token',
  key: true,
  description: 'Hugging Face access tokens (hf_…) and organisation tokens (api_org_…).',
  severity: 'high',
  keywords: ['hf_', 'api_org_'],
  pattern: tokenPattern(String.raw`(?:hf|api_org)_[A-Za-z]{34}`),
  // 34 random letters carry about 4.7 bits a character; long identifiers made of words carry less.
  minEntropy: 4,
  message:
    'Hugging Face access token (hf_…). Anyone who reads it can act as you on the Hub: read private models and datasets, and with a write token, push to your repositories and use paid inference.',
  fix: 'Invalidate it at huggingface.co/settings/tokens, create a fine-grained token with only the scopes it needs, and load it from the environment (HF_TOKEN) or a secret manager.',
};

export default rule;
