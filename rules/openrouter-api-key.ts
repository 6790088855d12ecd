// openrouter-api-key: OpenRouter keys, "sk-or-v1-" and 64 hex digits.

import { tokenPattern } from '../src/patterns.js';
import type { ContentRule } from '../src/types.js';

const rule: ContentRule = {
  id: 'openrouter-api-key',
  key: true,
  description: 'OpenRouter API keys (sk-or-v1-…).',
  severity: 'high',
  keywords: ['sk-or-v1-'],
  pattern: tokenPattern(String.raw`sk-or-v1-[a-f0-9]{64}`),
  message: 'OpenRouter API key (sk-or-v1-…). Anyone who reads it can call every model OpenRouter routes to, on your credits.',
  fix: 'Delete it at openrouter.ai/settings/keys, create a new key with a credit limit, and load it from the environment or a secret manager.',
};

export default rule;
