// The way documents cite an amendment on the rows it changed:
// «(п. 3.1 в ред. Постановления Администрации города Рязани от 23.03.2023 N 3219)».

import type { Amendment } from './domain';
import { formatRussianDate } from './dates';

// The act's kind as it stands after «в ред.»: the genitive.
const GENITIVE: Record<string, string> = {
  постановление: 'Постановления',
  распоряжение: 'Распоряжения',
  решение: 'Решения',
  приказ: 'Приказа',
  указ: 'Указа',
  закон: 'Закона',
};

export function actKindGenitive(actKind: string): string {
  return GENITIVE[actKind.trim().toLowerCase()] ?? actKind;
}

/** «Постановления Администрации города Рязани от 23.03.2023 N 3219» */
export function amendmentCitation(amendment: Pick<Amendment, 'actKind' | 'issuer' | 'number' | 'date'>): string {
  return `${actKindGenitive(amendment.actKind)} ${amendment.issuer} от ${formatRussianDate(amendment.date)} N ${amendment.number}`;
}

/** «(п. 1.1 в ред. …)» for a numbered row, «(в ред. …)» otherwise. */
export function amendmentNote(amendment: Pick<Amendment, 'actKind' | 'issuer' | 'number' | 'date'>, code?: string): string {
  const item = code ? `п. ${code.replace(/\.$/, '')} ` : '';
  return `(${item}в ред. ${amendmentCitation(amendment)})`;
}
