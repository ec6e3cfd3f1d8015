// What the core finds wrong with a program, each with the exact place it concerns, so the UI
// can take the officer to the cell and the command line can name it.

import type { Quarter, Source } from './domain';

export const FINDING_CODES = [
  'statedTotalMismatch',
  'quartersMismatch',
  'outsidePeriod',
  'indicatorWithoutPlan',
  'activityWithoutExecutor',
  'parentHasOwnAmounts',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface FindingTarget {
  programId: number;
  nodeId?: number;
  indicatorId?: number;
  year?: number;
  quarter?: Quarter;
  organisationId?: number | null;
  source?: Source;
}

export interface Finding {
  code: FindingCode;
  severity: 'error' | 'warning';
  /** The place in words: «п. 2.1.1 «Обеспечение…», 2023 г.». */
  where: string;
  message: string;
  target: FindingTarget;
}
