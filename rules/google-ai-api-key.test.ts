import { fake } from '../test/keys.js';
import { ruleTester } from '../test/rule-tester.js';
import rule from './google-ai-api-key.js';

const key = fake.google();

ruleTester(rule, {
  valid: [
    {
      name: 'Firebase web config',
      source: 'Firebase console snippet: the web apiKey is public by design',
      code: `// uses gemini later\nconst firebaseConfig = {\n  apiKey: "${key}",\n  authDomain: "demo.firebaseapp.com",\n  projectId: "demo",\n};\n`,
    },
    {
      name: 'Maps JavaScript embed',
      source: 'Google Maps embed snippet',
      code: `<script src="https://maps.googleapis.com/maps/api/js?key=${key}&callback=initMap"></script>\n`,
    },
    { name: 'no Gemini context', source: 'a Google API key of unknown use', code: `const KEY = "${key}";\n` },
  ],
  invalid: [
    { name: 'GEMINI_API_KEY in an env file', code: `GEMINI_API_KEY=${key}\n`, errors: [{ line: 1, column: 16, secret: key }] },
    {
      name: 'google.generativeai in Python',
      code: `import google.generativeai as genai\n\ngenai.configure(api_key="${key}")\n`,
      errors: [{ line: 3, column: 26, secret: key }],
    },
  ],
});
