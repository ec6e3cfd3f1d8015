// Request validators for the contract. Every request is checked here before a handler runs;
// amounts arrive as the text an officer typed and are parsed once, into kopecks.

import { z } from 'zod';
import {
  AMENDMENT_ENTITIES,
  DIRECTIONS,
  INDICATOR_KINDS,
  NODE_KINDS,
  PROGRAM_LEVELS,
  PROGRAM_STATUSES,
  SOURCES,
} from '../domain';
import { parseThousands } from '../money';
import { parseIndicatorValue } from '../indicatorValue';

z.config(z.locales.ru());

export const id = z.number().int().positive();
export const year = z.number().int().min(1990).max(2100);
export const quarter = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const source = z.enum(SOURCES);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ожидалась дата в виде ГГГГ-ММ-ДД');
const text = (max: number) => z.string().max(max);

/** An amount in тыс. руб. as typed («62 526,00», «62526.5»), or a whole number of kopecks. */
export const amount = z
  .union([z.string().max(40), z.number().int()])
  .transform((value, context) => {
    if (typeof value === 'number') return value;
    const parsed = parseThousands(value);
    if (!parsed.ok) {
      context.addIssue({ code: 'custom', message: `«${value}»: ${parsed.reason}` });
      return z.NEVER;
    }
    return parsed.kopecks;
  });

export const indicatorValueText = z
  .string()
  .max(100)
  .transform((value, context) => {
    const parsed = parseIndicatorValue(value);
    if (!parsed.ok) {
      context.addIssue({ code: 'custom', message: `«${value}»: ${parsed.reason}` });
      return z.NEVER;
    }
    return parsed.value;
  });

export const passportFields = {
  title: text(2000).min(1, 'укажите наименование программы'),
  level: z.enum(PROGRAM_LEVELS),
  status: z.enum(PROGRAM_STATUSES),
  periodStart: year,
  periodEnd: year,
  responsibleExecutorId: id.nullable(),
  coExecutorIds: z.array(id).max(200),
  participantIds: z.array(id).max(200),
  goal: text(20_000),
  tasks: text(20_000),
  expectedResults: text(50_000),
  legalBasis: text(20_000),
  sourceLabels: z.partialRecord(source, text(300)),
};

export const passportChanges = z
  .strictObject(passportFields)
  .partial()
  .refine((p) => p.periodStart === undefined || p.periodEnd === undefined || p.periodEnd >= p.periodStart, {
    message: 'год окончания раньше года начала',
    path: ['periodEnd'],
  });

export const newPassport = z
  .strictObject({
    ...passportFields,
    level: passportFields.level.default('municipal'),
    status: passportFields.status.default('draft'),
    responsibleExecutorId: passportFields.responsibleExecutorId.default(null),
    coExecutorIds: passportFields.coExecutorIds.default([]),
    participantIds: passportFields.participantIds.default([]),
    goal: passportFields.goal.default(''),
    tasks: passportFields.tasks.default(''),
    expectedResults: passportFields.expectedResults.default(''),
    legalBasis: passportFields.legalBasis.default(''),
    sourceLabels: passportFields.sourceLabels.default({}),
  })
  .refine((p) => p.periodEnd >= p.periodStart, { message: 'год окончания раньше года начала', path: ['periodEnd'] });

export const nodeExecutor = z.strictObject({ organisationId: id, label: text(1000).nullable().default(null) });

export const nodeFields = {
  kind: z.enum(NODE_KINDS),
  code: text(50),
  title: text(5000).min(1, 'укажите наименование'),
  periodStart: year.nullable(),
  periodEnd: year.nullable(),
  expectedResult: text(20_000),
  deadline: isoDate.nullable(),
  responsiblePerson: text(500).nullable(),
  source: source.nullable(),
  executors: z.array(nodeExecutor).max(100),
};

export const indicatorFields = {
  code: text(50),
  name: text(5000).min(1, 'укажите наименование показателя'),
  unit: text(200),
  direction: z.enum(DIRECTIONS),
  cumulative: z.boolean(),
  kind: z.enum(INDICATOR_KINDS),
  territory: text(500).nullable(),
  note: text(5000).nullable(),
  taskNodeId: id.nullable(),
  base: indicatorValueText.nullable(),
  baseYear: year.nullable(),
  baseDate: isoDate.nullable(),
};

export const indicatorValueInput = z.strictObject({
  year,
  period: z.union([z.literal(0), quarter]).default(0),
  type: z.enum(['plan', 'fact']),
  /** null clears the value. */
  value: indicatorValueText.nullable(),
  date: isoDate.nullable().default(null),
  comment: text(5000).nullable().default(null),
});

export const financingCell = z.strictObject({
  nodeId: id,
  year,
  /** Absent: the year's plan; 1–4: the roadmap's quarter. */
  quarter: quarter.optional(),
  source,
  organisationId: id.nullable(),
  /** null or an empty text clears the cell. */
  amount: amount.nullable(),
});

export const editionRef = z.union([
  z.strictObject({ kind: z.literal('current') }),
  z.strictObject({ kind: z.enum(['before', 'after']), amendmentId: id }),
]);

export const amendmentTarget = z.strictObject({ entity: z.enum(AMENDMENT_ENTITIES), entityId: id });
