// Every table kind the importer knows, tried in this order; the best score wins.

import type { TableKind } from '../recognise/tableKind';
import { indicatorTargetsKind } from './indicatorTargets';
import { planFactKind } from './planFact';
import { resourceProvisionKind } from './resourceProvision';
import { roadmapKind } from './roadmap';

export const TABLE_KINDS: readonly TableKind[] = [resourceProvisionKind, roadmapKind, planFactKind, indicatorTargetsKind];
