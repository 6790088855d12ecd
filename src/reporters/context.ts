// What every reporter is told besides the result itself.

import { mask } from '../secret.js';
import { CONFIDENCES, type Confidence, type Finding } from '../types.js';

export interface ReportContext {
  readonly version: string;
  /** Mask secrets (the default); false only when the user passed --no-redact. */
  readonly redact: boolean;
  /** ANSI colour (text only): the CLI decides from the TTY and NO_COLOR. */
  readonly color: boolean;
}

/** A finding's confidence: a rule that says none is sure of it. */
export const confidenceOf = (f: Finding): Confidence => f.confidence ?? 'high';

/** Whether a finding is reported when `least` is the lowest confidence asked for (--confidence). */
export const reportedAt = (f: Finding, least: Confidence): boolean => CONFIDENCES.indexOf(confidenceOf(f)) <= CONFIDENCES.indexOf(least);

/** The secret as a report may show it. */
export const shownSecret = (f: Finding, ctx: ReportContext): string => (f.secret === undefined ? '' : ctx.redact ? mask(f.secret) : f.secret);
