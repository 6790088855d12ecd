// xai-api-key: xAI (Grok) keys, "xai-" and 80 alphanumerics.

import { tokenPattern } from '../src/patterns.js';
import type { ContentRule } from '../src/types.js';

const rule: ContentRule = {
  id: 'xai-api-key',
  key: true,
  description: 'xAI (Grok) API keys (xai-…).',
  severity: 'high',
  keywords: ['xai-'],
  pattern: tokenPattern(String.raw`xai-[A-Za-z0-9]{80}`),
  minEntropy: 3.5,
  message: 'xAI API key (xai-…). Anyone who reads it can call Grok models on your team and run up its bill.',
  fix: 'Revoke it in the xAI console (console.x.ai), create a new key with only the endpoints and models it needs, and load it from the environment or a secret manager.',
};

export default rule;
