// What a form's title says about the program: its name in quotes after «программы» and its
// period («на 2020-2024 годы», «за 2020 год»).

import { clean } from '../cellText';

export interface FormTitle {
  title: string | null;
  period: [number, number] | null;
}

export function readFormTitle(lines: string[]): FormTitle {
  const text = clean(lines.join(' '));
  const titleMatch =
    /(?:программ[а-яы]*|проекта)[^«"“]*?[«"“]((?:[^«»"“”]|«[^»]*»)+)[»"”]/i.exec(text) ?? /[«"“]([^»"”]{10,})[»"”]/.exec(text);
  const range = /(?:на|в)\s+((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\s*(?:годы|гг)/i.exec(text);
  const single = /(?:за|на)\s+((?:19|20)\d{2})\s*(?:год|г\.)/i.exec(text);
  return {
    title: titleMatch ? clean(titleMatch[1]) : null,
    period: range ? [Number(range[1]), Number(range[2])] : single ? [Number(single[1]), Number(single[1])] : null,
  };
}
