// openai-api-key: every OpenAI key shape in use. All carry `T3BlbkFJ` (base64 for "OpenAI") between
// two random halves of equal length: 20 (legacy user keys, short project and sk-None- keys),
// 58 (admin keys, 132-character project keys) or 74 (project, service-account, long sk-None- keys).

import { tokenPattern } from '../src/patterns.js';
import type { ContentRule, Judgement, Severity } from '../src/types.js';

type Kind = 'legacy' | 'proj' | 'svcacct' | 'service' | 'admin' | 'None';

const REVOKE = 'Revoke it in the OpenAI dashboard (platform.openai.com/api-keys)';
const LOAD = 'load it from the environment (an ignored .env in development) or a secret manager; never hardcode or commit it';

const KINDS: Record<Kind, { severity: Severity; message: string; fix: string }> = {
  legacy: {
    severity: 'critical',
    message:
      'OpenAI legacy user API key (sk-…). It acts as its owner in every project and organisation they belong to: anyone who reads it can spend on and read data of all of them.',
    fix: `${REVOKE}, create a restricted project key (or a service-account key for servers), and ${LOAD}.`,
  },
  proj: {
    severity: 'high',
    message:
      'OpenAI project API key (sk-proj-…). Anyone who reads it can use the models, files and assistants of its project and run up its bill.',
    fix: `${REVOKE}, create a new project key with only the permissions it needs, and ${LOAD}.`,
  },
  svcacct: {
    severity: 'high',
    message:
      'OpenAI service-account key (sk-svcacct-…). It acts as a bot member of its project: anyone who reads it can use the project as that account.',
    fix: `${REVOKE}, create a new service-account key, and ${LOAD}.`,
  },
  service: {
    severity: 'high',
    message:
      'OpenAI service-account key (sk-service-…). It acts as a bot member of its project: anyone who reads it can use the project as that account.',
    fix: `${REVOKE}, create a new service-account key, and ${LOAD}.`,
  },
  admin: {
    severity: 'critical',
    message:
      'OpenAI admin key (sk-admin-…). It can create and delete API keys, invite and remove users and change projects of the whole organisation.',
    fix: 'Revoke it at once in the OpenAI dashboard (organisation settings, admin keys), review the audit log for keys and users it created, and keep admin keys out of code entirely: in a secret manager, used only by the tooling that needs them.',
  },
  None: {
    severity: 'high',
    message:
      'OpenAI user API key created without a project (sk-None-…). Anyone who reads it can use the API as its owner and run up their bill.',
    fix: `${REVOKE}, create a restricted project key instead, and ${LOAD}.`,
  },
};

/** Which halves each kind may have: 20, 58 or 74 characters on both sides of the marker. */
const HALVES: Record<Kind, readonly number[]> = {
  legacy: [20],
  proj: [20, 58, 74],
  svcacct: [58, 74],
  service: [58, 74],
  admin: [58, 74],
  None: [20, 74],
};

const rule: ContentRule = {
  id: 'openai-api-key',
  key: true,
  description: 'OpenAI API keys of every kind: legacy user, project, service-account, admin and sk-None- keys.',
  severity: 'high',
  keywords: ['T3BlbkFJ'],
  pattern: tokenPattern(String.raw`sk-(?:(?<kind>proj|svcacct|service|admin|None)-)?(?<a>[A-Za-z0-9_\-]{20,74})T3BlbkFJ(?<b>[A-Za-z0-9_\-]{20,74})`),
  minEntropy: 3.5,
  judge({ match }): Judgement | null {
    const kind = (match.groups?.kind ?? 'legacy') as Kind;
    const a = match.groups?.a ?? '';
    const b = match.groups?.b ?? '';
    if (a.length !== b.length || !HALVES[kind].includes(a.length)) return null;
    // Legacy keys are alphanumeric; a dash in the body means a prefixed key that failed its shape.
    if (kind === 'legacy' && /[_-]/.test(a + b)) return null;
    return KINDS[kind];
  },
  message: KINDS.proj.message,
  fix: KINDS.proj.fix,
};

export default rule;
