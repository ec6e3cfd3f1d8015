// Where the renderers find the report font. Tinos is metric-compatible with Times New Roman (the
// font DOCX and XLSX name), so a form breaks lines alike in all three formats. For packaging
// the .ttf files move to resources/fonts; only reportFontPaths() changes then.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FontMetrics } from './textMetrics';

export interface FontSet<T> {
  regular: T;
  bold: T;
  italic: T;
  boldItalic: T;
}

export type ReportFontPaths = FontSet<string>;

export function reportFontPaths(): ReportFontPaths {
  // The package's JavaScript is for Expo; only its .ttf files are used, found next to package.json.
  const tinos = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/package.json'));
  return {
    regular: join(tinos, '400Regular', 'Tinos_400Regular.ttf'),
    bold: join(tinos, '700Bold', 'Tinos_700Bold.ttf'),
    italic: join(tinos, '400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
    boldItalic: join(tinos, '700Bold_Italic', 'Tinos_700Bold_Italic.ttf'),
  };
}

export type FontStyle = keyof FontSet<unknown>;

export function fontStyle(bold: boolean | undefined, italic: boolean | undefined): FontStyle {
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

let metrics: FontSet<FontMetrics> | undefined;

/** Widths of the report font's four styles, read once. */
export function reportFontMetrics(): FontSet<FontMetrics> {
  if (!metrics) {
    const paths = reportFontPaths();
    metrics = {
      regular: FontMetrics.load(paths.regular),
      bold: FontMetrics.load(paths.bold),
      italic: FontMetrics.load(paths.italic),
      boldItalic: FontMetrics.load(paths.boldItalic),
    };
  }
  return metrics;
}
