// deepseek-api-key: DeepSeek keys, "sk-" and 32 hex digits. That bare shape collides with other
// vendors' keys and with hex ids, so a match counts only where the text around it names DeepSeek.

import { near, tokenPattern } from '../src/patterns.js';
import type { ContentRule } from '../src/types.js';

const DEEPSEEK = /deepseek/i;

const rule: ContentRule = {
  id: 'deepseek-api-key',
  key: true,
  description: 'DeepSeek API keys (sk- and 32 hex digits) where the context names DeepSeek.',
  severity: 'high',
  keywords: ['deepseek', 'DeepSeek', 'DEEPSEEK', 'Deepseek'],
  pattern: tokenPattern(String.raw`sk-[a-f0-9]{32}`),
  judge: ({ text, start, end }) => (near(text, start, end, DEEPSEEK, 2000) ? {} : null),
  message: 'DeepSeek API key (sk-…). Anyone who reads it can call DeepSeek models on your account and spend its balance.',
  fix: 'Delete it at platform.deepseek.com/api_keys, create a new key, and load it from the environment (DEEPSEEK_API_KEY) or a secret manager.',
};

export default rule;
