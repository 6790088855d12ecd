// client-bundle-secret: a key in built or served client output (dist/, build/, out/, .next/static/,
// public/, www/, app bundles, source maps) is on every visitor's machine. A place rule: the key rules
// find the key, this rule says where it went. The sweep also reads such folders when git ignores
// them, for key shapes only, since that is what gets deployed.

import { isClientOutput } from '../src/client.js';
import type { PlaceRule } from '../src/types.js';

const rule: PlaceRule = {
  kind: 'place',
  id: 'client-bundle-secret',
  description: 'API keys (of any key rule) in built or served client output: dist/, build/, .next/static/, public/, www/, app bundles, source maps.',
  severity: 'critical',
  takes: isClientOutput,
  restate: (f) => ({
    message: `A key in client output: every browser or app that loads this file gets the key, and anyone can read it from the page's sources. ${f.message}`,
    fix: `Rotate the key now (it has been served, or will be on the next deploy). Then move the calls that need it behind a server route of your own (the browser calls /api/…, the server holds the key), keep the key in a server-only variable without a public prefix, and rebuild. For the key itself: ${f.fix}`,
  }),
  message: 'A key in client output: every browser or app that loads this file gets the key.',
  fix: 'Rotate the key, move the calls that need it behind a server route, keep it in a server-only variable, and rebuild.',
};

export default rule;
