// google-ai-api-key: Google AI Studio (Gemini) API keys. The "AIza" + 35 shape is shared by every
// Google API key, including Firebase web config and Maps browser keys, which are public by design;
// so a key counts only where the words around it are about Gemini, and never inside a Firebase
// config or a Maps embed.

import { near, tokenPattern } from '../src/patterns.js';
import type { ContentRule } from '../src/types.js';

const GEMINI = /gemini|generativelanguage|generative[-_ ]?ai|genai|aistudio|makersuite|GOOGLE_API_KEY|GOOGLE_AI_API_KEY/i;
const FIREBASE = /authDomain|messagingSenderId|storageBucket|initializeApp|firebaseConfig|firebase_options|google-services|"current_key"/i;
const MAPS = /maps\.googleapis\.com|maps\/api\/js|google\.maps|GoogleMap|places|geocod|youtube/i;

const rule: ContentRule = {
  id: 'google-ai-api-key',
  key: true,
  description: 'Google AI Studio / Gemini API keys (AIza…), judged by context to tell them from public Firebase and Maps keys.',
  severity: 'high',
  keywords: ['AIza'],
  pattern: tokenPattern(String.raw`AIza[0-9A-Za-z_\-]{35}`),
  minEntropy: 3.5,
  judge({ text, start, end }) {
    if (near(text, start, end, FIREBASE, 400) || near(text, start, end, MAPS, 300)) return null;
    return near(text, start, end, GEMINI, 2000) ? {} : null;
  },
  message:
    'Google AI Studio (Gemini) API key (AIza…). Anyone who reads it can call Gemini on your Google Cloud project and run up its bill.',
  fix: 'Delete or regenerate it in Google AI Studio (aistudio.google.com/apikey) or the Cloud console, restrict the new key to the Generative Language API, and load it from the environment (GEMINI_API_KEY) or a secret manager.',
};

export default rule;
