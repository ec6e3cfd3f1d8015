// How the screens print the domain: one place for periods, amounts and dates.

import { formatRussianDate } from '../shared/dates';
import { formatThousands } from '../shared/money';

/** «2022–2030», or «2022» for a one-year program. */
export function periodText(start: number, end: number): string {
  return start === end ? String(start) : `${start}–${end}`;
}

/** «59 629,71333» (тыс. руб.) */
export function amountText(kopecks: number): string {
  return formatThousands(kopecks);
}

export function dateText(iso: string): string {
  return formatRussianDate(iso);
}

/** The local date as yyyy-mm-dd. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** «п. 2.1.1 «Обеспечение…»» for a part, as the core words places. */
export function nodeLabel(node: { code: string; title: string }, max = 80): string {
  const title = node.title.length > max ? `${node.title.slice(0, max - 1)}…` : node.title;
  return node.code ? `${node.code.replace(/\.$/, '')}. ${title}` : title;
}

/** «Постановление Администрации города Рязани от 23.03.2023 N 3219» */
export function actTitle(act: { actKind: string; issuer: string; number: string; date: string }): string {
  return `${act.actKind} ${act.issuer} от ${formatRussianDate(act.date)} N ${act.number}`;
}
