// groq-api-key: Groq keys, "gsk_" and 52 alphanumerics.

import { tokenPattern } from '../src/patterns.js';
import type { ContentRule } from '../src/types.js';

const rule: ContentRule = {
  id: 'groq-api-key',
  key: true,
  description: 'Groq API keys (gsk_…).',
  severity: 'high',
  keywords: ['gsk_'],
  pattern: tokenPattern(String.raw`gsk_[A-Za-z0-9]{52}`),
  minEntropy: 3.5,
  message: 'Groq API key (gsk_…). Anyone who reads it can run inference on your Groq account.',
  fix: 'Revoke it in the Groq console (console.groq.com/keys), create a new key, and load it from the environment or a secret manager.',
};

export default rule;
