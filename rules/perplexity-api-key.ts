// perplexity-api-key: Perplexity keys, "pplx-" and 48 alphanumerics.

import { tokenPattern } from '../src/patterns.js';
import type { ContentRule } from '../src/types.js';

const rule: ContentRule = {
  id: 'perplexity-api-key',
  key: true,
  description: 'Perplexity API keys (pplx-…).',
  severity: 'high',
  keywords: ['pplx-'],
  pattern: tokenPattern(String.raw`pplx-[A-Za-z0-9]{48}`),
  minEntropy: 3.5,
  message: 'Perplexity API key (pplx-…). Anyone who reads it can query Perplexity on your account and spend its credits.',
  fix: 'Revoke it in Perplexity settings (API tab), create a new key, and load it from the environment or a secret manager.',
};

export default rule;
