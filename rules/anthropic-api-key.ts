// anthropic-api-key: Anthropic API keys (sk-ant-api03-…) and admin keys (sk-ant-admin01-…):
// 93 random characters and a closing "AA".

import { tokenPattern } from '../src/patterns.js';
import type { ContentRule } from '../src/types.js';

const rule: ContentRule = {
  id: 'anthropic-api-key',
  key: true,
  description: 'Anthropic API keys (sk-ant-api03-…) and admin keys (sk-ant-admin01-…).',
  severity: 'high',
  keywords: ['sk-ant-'],
  pattern: tokenPattern(String.raw`sk-ant-(?<kind>api|admin)\d\d-[A-Za-z0-9_\-]{93}AA`),
  minEntropy: 3.5,
  judge: ({ match }) =>
    match.groups?.kind === 'admin'
      ? {
          severity: 'critical',
          message:
            'Anthropic admin key (sk-ant-admin01-…). It manages the organisation: API keys, members and workspaces.',
          fix: 'Revoke it in the Anthropic Console (settings, admin keys), check the organisation for keys and members it created, and keep admin keys in a secret manager, never in code.',
        }
      : {},
  message: 'Anthropic API key (sk-ant-api03-…). Anyone who reads it can call Claude on your account and run up its bill.',
  fix: 'Revoke it in the Anthropic Console (settings, API keys), create a new key, and load it from the environment or a secret manager; never commit it.',
};

export default rule;
