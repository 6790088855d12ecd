import { fake, random } from '../test/keys.js';
import { ruleTester } from '../test/rule-tester.js';
import rule from './stripe-secret-key.js';

const live = fake.stripeLive();
const restricted = fake.stripeRestricted();
const body = random('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 40, 'pk');

ruleTester(rule, {
  valid: [
    { name: 'publishable key', source: 'Stripe.js setup: publishable keys are public by design', code: `Stripe("${['pk', 'live', body].join('_')}")\n` },
    { name: 'test-mode secret key', source: 'Stripe test mode moves no money', code: `STRIPE_KEY=${['sk', 'test', body].join('_')}\n` },
  ],
  invalid: [
    { name: 'live secret key', code: `stripe.api_key = "${live}"\n`, errors: [{ line: 1, column: 19, secret: live, severity: 'critical' }] },
    { name: 'live restricted key', code: `STRIPE_KEY=${restricted}\n`, errors: [{ line: 1, column: 12, secret: restricted, severity: 'high', message: 'restricted' }] },
  ],
});
