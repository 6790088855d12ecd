// The registry of report formats: pure functions from a scan result to text.

import type { ScanResult } from '../types.js';
import type { ReportContext } from './context.js';
import { github } from './github.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { text } from './text.js';

export type { ReportContext } from './context.js';

export const REPORTERS = { text, json, sarif, github, markdown } as const satisfies Record<string, (r: ScanResult, c: ReportContext) => string>;

export type Format = keyof typeof REPORTERS;
export const FORMATS = Object.keys(REPORTERS) as Format[];
