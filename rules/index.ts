// The registry: every built-in rule, sorted by id. Adding a rule means adding its file, its test
// and its doc page beside it, and one line here.

import type { Rule } from '../src/types.js';
import anthropicApiKey from './anthropic-api-key.js';
import browserLlmClient from './browser-llm-client.js';
import clientBundleSecret from './client-bundle-secret.js';
import deepseekApiKey from './deepseek-api-key.js';
import dotenvNotIgnored from './dotenv-not-ignored.js';
import dotenvTracked from './dotenv-tracked.js';
import googleAiApiKey from './google-ai-api-key.js';
import groqApiKey from './groq-api-key.js';
import hardcodedCredential from './hardcoded-credential.js';
import huggingfaceToken from './huggingface-token.js';
import openaiApiKey from './openai-api-key.js';
import openrouterApiKey from './openrouter-api-key.js';
import perplexityApiKey from './perplexity-api-key.js';
import publicEnvSecret from './public-env-secret.js';
import stripeSecretKey from './stripe-secret-key.js';
import xaiApiKey from './xai-api-key.js';

export const RULES: readonly Rule[] = [
  anthropicApiKey,
  browserLlmClient,
  clientBundleSecret,
  deepseekApiKey,
  dotenvNotIgnored,
  dotenvTracked,
  googleAiApiKey,
  groqApiKey,
  hardcodedCredential,
  huggingfaceToken,
  openaiApiKey,
  openrouterApiKey,
  perplexityApiKey,
  publicEnvSecret,
  stripeSecretKey,
  xaiApiKey,
];
