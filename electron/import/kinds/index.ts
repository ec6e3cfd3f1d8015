// Every table kind the importer knows, tried in this order; the best score wins.

import type { TableKind } from '../recognise/tableKind';
import { approvedBudgetKind } from './approvedBudget';
import { digitalMaturityKind } from './digitalMaturity';
import { indicatorTargetsKind } from './indicatorTargets';
import { mainActivitiesKind } from './mainActivities';
import { planFactKind } from './planFact';
import { resourceProvisionKind } from './resourceProvision';
import { roadmapKind } from './roadmap';
import { strategyProjectsKind } from './strategyProjects';

export const TABLE_KINDS: readonly TableKind[] = [
  resourceProvisionKind,
  roadmapKind,
  planFactKind,
  indicatorTargetsKind,
  mainActivitiesKind,
  approvedBudgetKind,
  strategyProjectsKind,
  digitalMaturityKind,
];
