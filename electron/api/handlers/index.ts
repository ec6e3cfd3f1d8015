// The handler table: one handler per contract name. The type makes a missing or unnamed
// handler a compile error; a test checks the same at run time.

import type { MethodName } from '../../../shared/api/contract';
import { amendmentHandlers } from './amendments';
import { databaseHandlers } from './database';
import { financingHandlers } from './financing';
import { historyHandlers } from './history';
import { importHandlers } from './imports';
import { indicatorHandlers } from './indicators';
import { nodeHandlers } from './nodes';
import { organisationHandlers } from './organisations';
import { programHandlers } from './programs';
import { reportHandlers } from './reports';
import { totalsHandlers } from './totals';
import { transferHandlers } from './transfer';
import type { HandlerTable } from './types';

export const handlers: HandlerTable<MethodName> = {
  ...programHandlers,
  ...nodeHandlers,
  ...organisationHandlers,
  ...indicatorHandlers,
  ...financingHandlers,
  ...amendmentHandlers,
  ...historyHandlers,
  ...totalsHandlers,
  ...transferHandlers,
  ...importHandlers,
  ...reportHandlers,
  ...databaseHandlers,
};
