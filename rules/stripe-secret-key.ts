// stripe-secret-key: Stripe live secret keys (sk_live_…) and restricted keys (rk_live_…).
// Test-mode keys (sk_test_) move no money and publishable keys (pk_) are public by design.

import { tokenPattern } from '../src/patterns.js';
import type { ContentRule } from '../src/types.js';

const rule: ContentRule = {
  id: 'stripe-secret-key',
  key: true,
  description: 'Stripe live secret keys (sk_live_…) and restricted keys (rk_live_…).',
  severity: 'critical',
  keywords: ['sk_live_', 'rk_live_'],
  pattern: tokenPattern(String.raw`(?<kind>sk|rk)_live_[A-Za-z0-9]{24,247}`),
  minEntropy: 3.5,
  judge: ({ match }) =>
    match.groups?.kind === 'rk'
      ? { severity: 'high', message: 'Stripe live restricted key (rk_live_…). Anyone who reads it can make the API calls its permissions allow on your live account.' }
      : {},
  message: 'Stripe live secret key (sk_live_…). Anyone who reads it can charge, refund and pay out on your live Stripe account and read your customers.',
  fix: 'Roll the key in the Stripe dashboard (Developers, API keys), prefer a restricted key with only the permissions it needs, and load it from the environment or a secret manager.',
};

export default rule;
