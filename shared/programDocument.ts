// The program file an officer sends a colleague or the region (export-json / import-json).
//
// Format «munplan.program», version 1: one JSON object
//   { format: "munplan.program", version: 1, exportedAt: ISO time, app: "Munplan x.y.z",
//     detail: ProgramDetail }
// where ProgramDetail is exactly what `programs/get` returns (see domain.ts). Ids inside are
// the sender's and only link the parts of the file together; the receiver gives new ones.
// Amounts are integer kopecks («kopecks»: 680685333 is 6806,85333 тыс. руб.); indicator
// values are exact decimal strings. A reader refuses a newer version rather than guess.

import { z } from 'zod';
import {
  AMENDMENT_ENTITIES,
  DIRECTIONS,
  INDICATOR_KINDS,
  NODE_KINDS,
  PROGRAM_LEVELS,
  PROGRAM_STATUSES,
  SOURCES,
  type ProgramDetail,
} from './domain';
import { id, quarter, source, year } from './api/schemas';

export const PROGRAM_DOCUMENT_FORMAT = 'munplan.program';
export const PROGRAM_DOCUMENT_VERSION = 1;

export interface ProgramDocument {
  format: typeof PROGRAM_DOCUMENT_FORMAT;
  version: typeof PROGRAM_DOCUMENT_VERSION;
  exportedAt: string;
  app: string;
  detail: ProgramDetail;
}

const kopecks = z.number().int().min(-(10 ** 15)).max(10 ** 15);
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'ожидалось десятичное число');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const str = (max: number) => z.string().max(max);
const value = {
  comparator: z.enum(['>=', '<=', '=', '>', '<']).nullable(),
  value: decimal.nullable(),
  mark: z.enum(['x', '-']).nullable(),
  text: str(200),
};

const detailSchema = z.strictObject({
  program: z.strictObject({
    id,
    title: str(2000).min(1),
    level: z.enum(PROGRAM_LEVELS),
    status: z.enum(PROGRAM_STATUSES),
    periodStart: year,
    periodEnd: year,
    responsibleExecutorId: id.nullable(),
    coExecutorIds: z.array(id),
    participantIds: z.array(id),
    goal: str(20_000),
    tasks: str(20_000),
    expectedResults: str(50_000),
    legalBasis: str(20_000),
    sourceLabels: z.partialRecord(z.enum(SOURCES), str(300)),
    createdAt: str(40),
    updatedAt: str(40),
  }),
  organisations: z.array(
    z.strictObject({ id, name: str(1000).min(1), abbreviation: str(200).nullable(), aliases: z.array(str(1000)).max(100) }),
  ),
  nodes: z.array(
    z.strictObject({
      id,
      parentId: id.nullable(),
      kind: z.enum(NODE_KINDS),
      code: str(50),
      title: str(5000),
      position: z.number().int(),
      periodStart: year.nullable(),
      periodEnd: year.nullable(),
      expectedResult: str(20_000),
      deadline: date.nullable(),
      responsiblePerson: str(500).nullable(),
      source: z.enum(SOURCES).nullable(),
      executors: z.array(z.strictObject({ organisationId: id, label: str(1000).nullable() })),
    }),
  ),
  financing: z.array(z.strictObject({ nodeId: id, year, source, organisationId: id.nullable(), kopecks })),
  quarterly: z.array(z.strictObject({ nodeId: id, year, quarter, source, organisationId: id.nullable(), kopecks })),
  budget: z.array(z.strictObject({ year, source, kopecks })),
  statedTotals: z.array(
    z.strictObject({ nodeId: id.nullable(), year: year.nullable(), organisationId: id.nullable(), kopecks, origin: str(1000) }),
  ),
  indicators: z.array(
    z.strictObject({
      id,
      code: str(50),
      name: str(5000),
      unit: str(200),
      direction: z.enum(DIRECTIONS),
      cumulative: z.boolean(),
      kind: z.enum(INDICATOR_KINDS),
      territory: str(500).nullable(),
      note: str(5000).nullable(),
      taskNodeId: id.nullable(),
      base: z.strictObject(value).nullable(),
      baseYear: year.nullable(),
      baseDate: date.nullable(),
      position: z.number().int(),
      values: z.array(
        z.strictObject({
          ...value,
          year,
          period: z.union([z.literal(0), quarter]),
          type: z.enum(['plan', 'fact']),
          date: date.nullable(),
          comment: str(5000).nullable(),
        }),
      ),
      nodeIds: z.array(id),
    }),
  ),
  amendments: z.array(
    z.strictObject({
      id,
      actKind: str(200),
      issuer: str(1000),
      number: str(100),
      date,
      title: str(2000),
      status: z.enum(['open', 'closed']),
      targets: z.array(z.strictObject({ entity: z.enum(AMENDMENT_ENTITIES), entityId: id })),
    }),
  ),
});

export const programDocumentSchema = z.strictObject({
  format: z.literal(PROGRAM_DOCUMENT_FORMAT),
  version: z.literal(PROGRAM_DOCUMENT_VERSION),
  exportedAt: str(40),
  app: str(100),
  detail: detailSchema,
});
