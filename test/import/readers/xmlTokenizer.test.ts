// The streaming XML tokenizer under the .docx/.xlsx readers: the events it produces, whatever
// the chunking, and every refusal — DTDs, unknown entities, malformed markup, the limits.

import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../electron/import/readers/importFileError';
import { LIMITS } from '../../../electron/import/readers/limits';
import { XmlStreamParser, type XmlElement } from '../../../electron/import/readers/safeXml';
import { expectRefused } from './fixtures';

const FILE = 'книга.xlsx';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const WORD = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Attribute names each test asks every element for: attr() and attrAnyPrefix(). */
interface Questions {
  attr?: string[];
  anyPrefix?: string[];
}

function describeElement(element: XmlElement, questions: Questions): string {
  const answers: string[] = [];
  for (const name of questions.attr ?? []) {
    const value = element.attr(name);
    if (value !== undefined) answers.push(`${name}=${JSON.stringify(value)}`);
  }
  for (const name of questions.anyPrefix ?? []) {
    const value = element.attrAnyPrefix(name);
    if (value !== undefined) answers.push(`*:${name}=${JSON.stringify(value)}`);
  }
  return `{${element.uri}}${element.local}${answers.length ? ` ${answers.join(' ')}` : ''}`;
}

/**
 * The events of a parse, adjacent text pieces merged (a run of text may come in pieces); the
 * attributes asked about are read both when the element opens and when it closes.
 */
function events(chunks: Uint8Array[], questions: Questions = {}): string[] {
  const log: string[] = [];
  const parser = new XmlStreamParser(
    { file: FILE, part: 'xl/worksheets/sheet1.xml' },
    {
      open: (element) => log.push(`open ${describeElement(element, questions)}`),
      close: (element) => log.push(`close ${describeElement(element, questions)}`),
      text: (text) => {
        if (log.length > 0 && log[log.length - 1].startsWith('text ')) log[log.length - 1] += text;
        else log.push(`text ${text}`);
      },
    },
  );
  for (const chunk of chunks) parser.write(chunk);
  parser.end();
  return log;
}

const bytes = (xml: string): Uint8Array => new TextEncoder().encode(xml);
const parse = (xml: string, questions?: Questions): string[] => events([bytes(xml)], questions);

function split(data: Uint8Array, ...at: number[]): Uint8Array[] {
  const bounds = [0, ...at, data.length];
  return bounds.slice(1).map((end, i) => data.subarray(bounds[i], end));
}

function refuse(xml: string | Uint8Array | Uint8Array[], message: RegExp): ImportFileError {
  const chunks = typeof xml === 'string' ? [bytes(xml)] : xml instanceof Uint8Array ? [xml] : xml;
  return expectRefused(() => events(chunks), FILE, message);
}

const DAMAGED = /повреждён или обрезан: не удаётся разобрать содержимое \(часть «xl\/worksheets\/sheet1\.xml»\)/;
const DTD = /содержит объявления DTD\/сущности XML, которые не допускаются/;

/** A small document with every construct the tokenizer knows, and characters of every width. */
const KITCHEN_SINK =
  '\uFEFF<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<!-- заголовок - нет, просто комментарий - -->\n' +
  '<?mso-application progid="Excel.Sheet"?>' +
  `<x:worksheet xmlns:x="${MAIN}" xmlns:r='${REL}' xmlns="urn:default">` +
  '<x:sheetData>' +
  '<x:row r="1" spans=\'1:3\'>' +
  '<x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve"> Ёлка &amp; «ель» &lt;&gt;&quot;&apos; №&#8470;&#x1F332;🌲 </x:t></x:is></x:c>' +
  '<x:c r="B1" t="s"\n\tr:id="rId7"><x:v>12</x:v></x:c>' +
  '<x:c r="C1" t="str"><x:f>A1&amp;B1</x:f><x:v><![CDATA[<b>&amp;</b> ]]]]><![CDATA[>]]></x:v></x:c>' +
  '</x:row>' +
  '<row xmlns="" note="строка\tс\r\nпереносом&#10;и &#x9;табуляцией"><c/><c></c></row>' +
  '<inner xmlns:x="urn:other"><x:c/></inner>' +
  '<plain a="1" b=\'2\' c = "3" />' +
  '</x:sheetData>' +
  'строка 1\r\nстрока 2\rстрока 3' +
  '</x:worksheet>\n<!-- после корня -->\n';

const SINK_QUESTIONS: Questions = { attr: ['r', 't', 'note', 'a', 'b', 'c', 'spans', 'xmlns', 'r:id'], anyPrefix: ['id', 'space'] };

const SINK_EVENTS = [
  `open {${MAIN}}worksheet xmlns="urn:default"`,
  `open {${MAIN}}sheetData`,
  `open {${MAIN}}row r="1" spans="1:3"`,
  `open {${MAIN}}c r="A1" t="inlineStr"`,
  `open {${MAIN}}is`,
  `open {${MAIN}}t *:space="preserve"`,
  'text  Ёлка & «ель» <>"\' №№🌲🌲 ',
  `close {${MAIN}}t *:space="preserve"`,
  `close {${MAIN}}is`,
  `close {${MAIN}}c r="A1" t="inlineStr"`,
  `open {${MAIN}}c r="B1" t="s" *:id="rId7"`,
  `open {${MAIN}}v`,
  'text 12',
  `close {${MAIN}}v`,
  `close {${MAIN}}c r="B1" t="s" *:id="rId7"`,
  `open {${MAIN}}c r="C1" t="str"`,
  `open {${MAIN}}f`,
  'text A1&B1',
  `close {${MAIN}}f`,
  `open {${MAIN}}v`,
  'text <b>&amp;</b> ]]>',
  `close {${MAIN}}v`,
  `close {${MAIN}}c r="C1" t="str"`,
  `close {${MAIN}}row r="1" spans="1:3"`,
  'open {}row note="строка с переносом\\nи \\tтабуляцией" xmlns=""',
  'open {}c',
  'close {}c',
  'open {}c',
  'close {}c',
  'close {}row note="строка с переносом\\nи \\tтабуляцией" xmlns=""',
  'open {urn:default}inner',
  'open {urn:other}c',
  'close {urn:other}c',
  'close {urn:default}inner',
  'open {urn:default}plain a="1" b="2" c="3"',
  'close {urn:default}plain a="1" b="2" c="3"',
  `close {${MAIN}}sheetData`,
  'text строка 1\nстрока 2\nстрока 3',
  `close {${MAIN}}worksheet xmlns="urn:default"`,
];

describe('events', () => {
  it('reads every construct: declaration, comments, PIs, namespaces, attributes, references, CDATA', () => {
    expect(parse(KITCHEN_SINK, SINK_QUESTIONS)).toEqual(SINK_EVENTS);
  });

  it('gives identical events wherever one chunk boundary falls, even inside a UTF-8 character', () => {
    const data = bytes(KITCHEN_SINK);
    for (let at = 0; at <= data.length; at++) {
      expect(events(split(data, at), SINK_QUESTIONS), `split at byte ${at}`).toEqual(SINK_EVENTS);
    }
  });

  it('gives identical events fed one byte at a time, and in chunks of every small size', () => {
    const data = bytes(KITCHEN_SINK);
    for (let size = 1; size <= 16; size++) {
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < data.length; at += size) chunks.push(data.subarray(at, at + size));
      expect(events(chunks, SINK_QUESTIONS), `chunks of ${size}`).toEqual(SINK_EVENTS);
    }
  });

  it('reads UTF-16 with a byte order mark, either byte order, cut anywhere', () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="${WORD}"><w:t>Текст 🌲</w:t></w:document>`;
    const expected = [`open {${WORD}}document`, `open {${WORD}}t`, 'text Текст 🌲', `close {${WORD}}t`, `close {${WORD}}document`];
    const le = new Uint8Array(2 + 2 * xml.length);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) le.set([xml.charCodeAt(i) & 0xff, xml.charCodeAt(i) >> 8], 2 + 2 * i);
    const be = le.map((_, i) => le[i ^ 1]);
    for (const data of [le, be]) {
      for (let at = 0; at <= data.length; at += 3) expect(events(split(data, at))).toEqual(expected);
      expect(events([...data].map((byte) => new Uint8Array([byte])))).toEqual(expected);
    }
  });

  it('hands text over exactly, whitespace-only runs included, and normalises line ends', () => {
    expect(parse('<a> <b>x</b>\t\n<c/>y\r\nz\r</a>')).toEqual(['open {}a', 'text  ', 'open {}b', 'text x', 'close {}b', 'text \t\n', 'open {}c', 'close {}c', 'text y\nz\n', 'close {}a']);
    // A CRLF cut between its characters is still one line end.
    const data = bytes('<a>1\r\n2</a>');
    expect(events(split(data, 5))).toEqual(['open {}a', 'text 1\n2', 'close {}a']);
  });

  it('decodes the predefined entities and character references, also in attribute values', () => {
    expect(parse('<a v="&lt;&amp;&gt;&quot;&apos;&#65;&#x42;&#x1F600;">&#48;&#x31;&#0000000050;</a>', { attr: ['v'] })).toEqual([
      'open {}a v="<&>\\"\'AB😀"',
      'text 012',
      'close {}a v="<&>\\"\'AB😀"',
    ]);
  });

  it('keeps CDATA content as it is, empty sections included', () => {
    expect(parse('<a><![CDATA[]]><![CDATA[&lt; <x> ]] ]>]]></a>')).toEqual(['open {}a', 'text &lt; <x> ]] ]>', 'close {}a']);
  });

  it('streams a long CDATA section, a long comment and a long text without holding them', () => {
    const long = 'Ж'.repeat(3_000_000);
    const xml = bytes(`<a><!--${long}--><![CDATA[${long}]]>${long}</a>`);
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < xml.length; at += 65_536) chunks.push(xml.subarray(at, at + 65_536));
    const pieces: number[] = [];
    const parser = new XmlStreamParser({ file: FILE, part: 'p' }, { text: (text) => pieces.push(text.length) });
    const started = performance.now();
    for (const chunk of chunks) parser.write(chunk);
    parser.end();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(pieces.reduce((sum, length) => sum + length, 0)).toBe(2 * long.length);
    expect(Math.max(...pieces)).toBeLessThan(65_536);
  });

  it('reads a long attribute value arriving in many chunks in linear time', () => {
    const value = 'q'.repeat(8_000_000);
    const xml = bytes(`<a v="${value}" w='1'/>`);
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < xml.length; at += 16_384) chunks.push(xml.subarray(at, at + 16_384));
    let seen: string | undefined;
    const parser = new XmlStreamParser({ file: FILE, part: 'p' }, { open: (element) => (seen = element.attr('w')) });
    const started = performance.now();
    for (const chunk of chunks) parser.write(chunk);
    parser.end();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(seen).toBe('1');
  });
});

describe('namespaces and attributes', () => {
  it('resolves element names by prefix or default namespace, scoped to the declaring element', () => {
    const xml = `<w:document xmlns:w="${WORD}"><w:body xmlns:w="urn:inner"><w:p/></w:body><w:p/><q xmlns="urn:q"><w:p/><r xmlns=""/></q></w:document>`;
    expect(parse(xml)).toEqual([
      `open {${WORD}}document`,
      'open {urn:inner}body',
      'open {urn:inner}p',
      'close {urn:inner}p',
      'close {urn:inner}body',
      `open {${WORD}}p`,
      `close {${WORD}}p`,
      'open {urn:q}q',
      `open {${WORD}}p`,
      `close {${WORD}}p`,
      'open {}r',
      'close {}r',
      'close {urn:q}q',
      `close {${WORD}}document`,
    ]);
  });

  it('takes any prefix, even one named like an object property, and the xml prefix bound to its own URI', () => {
    const xml =
      '<__proto__:a xmlns:__proto__="urn:p" xmlns:constructor="urn:c" xmlns:xml="http://www.w3.org/XML/1998/namespace">' +
      '<constructor:b xml:lang="ru"/><toString:c xmlns:toString="urn:t"/></__proto__:a>';
    expect(parse(xml, { anyPrefix: ['lang'] })).toEqual([
      'open {urn:p}a',
      'open {urn:c}b *:lang="ru"',
      'close {urn:c}b *:lang="ru"',
      'open {urn:t}c',
      'close {urn:t}c',
      'close {urn:p}a',
    ]);
    refuse('<toString:a/>', DAMAGED);
    refuse('<a><hasOwnProperty:b/></a>', DAMAGED);
  });

  it('gives a declaring element a scope of its own without copying the prefixes declared above', () => {
    // 100 levels of 1000 prefixes each, then thousands of siblings declaring one more: copying
    // the scope for each sibling would take 100 000 entries apiece.
    const depth = 100;
    const declarations = Array.from({ length: LIMITS.maxXmlAttributes }, (_, i) => `xmlns:p${i}="urn:${i}"`).join(' ');
    const siblings = '<q:b xmlns:q="urn:q" p999:v="1"/>'.repeat(20_000);
    const xml = `${`<a ${declarations}>`.repeat(depth)}${siblings}${'</a>'.repeat(depth)}`;
    const started = performance.now();
    const log = parse(xml, { anyPrefix: ['v'] });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(log.filter((event) => event === 'open {urn:q}b *:v="1"')).toHaveLength(20_000);
  });

  it('finds unprefixed attributes with attr() and prefixed ones with attrAnyPrefix(), never a namespace declaration', () => {
    const log: string[] = [];
    const parser = new XmlStreamParser(
      { file: FILE, part: 'p' },
      {
        open(element) {
          log.push(
            [
              element.attr('val'),
              element.attr('w:val'),
              element.attr('xval'),
              element.attrAnyPrefix('val'),
              element.attrAnyPrefix('w'),
              element.attrAnyPrefix('xmlns'),
              element.attrAnyPrefix('al'),
            ].join('|'),
          );
        },
      },
    );
    parser.write(bytes(`<w:a xmlns:w="${WORD}" w:val="1"><w:b val="2" xval="3"/><w:c xmlns="urn:d" other:val="4" xmlns:other="urn:o"/></w:a>`));
    parser.end();
    expect(log).toEqual(['|||1|||', '2||3|2|||', '|||4|||']);
  });

  it('answers attribute questions asked long after the element opened', () => {
    const closes: string[] = [];
    const parser = new XmlStreamParser(
      { file: FILE, part: 'p' },
      { close: (element) => closes.push(`${element.local}:${element.attr('r')}:${element.attrAnyPrefix('id')}`) },
    );
    parser.write(bytes(`<a r="1" xmlns:r="${REL}" r:id="x"><b r="2"><c r="3"/></b><d/></a>`));
    parser.end();
    expect(closes).toEqual(['c:3:undefined', 'b:2:undefined', 'd:undefined:undefined', 'a:1:x']);
  });

  it('passes errors thrown by a handler through unchanged', () => {
    const own = new ImportFileError(FILE, 'своя ошибка');
    const parser = new XmlStreamParser({ file: FILE, part: 'p' }, { open: () => { throw own; } });
    expect(() => parser.write(bytes('<a/>'))).toThrow(own);
  });
});

describe('refusals', () => {
  it('refuses a DOCTYPE anywhere, and every other declaration', () => {
    refuse('<!DOCTYPE a><a/>', DTD);
    refuse('<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY e "e">]><a>&e;</a>', DTD);
    refuse('<a><!DOCTYPE a></a>', DTD);
    refuse('<a/><!DOCTYPE a>', DTD);
    refuse('<a><!ENTITY e "e"></a>', DTD);
    refuse('<a><![INCLUDE[ x ]]></a>', DTD);
    refuse('<a><!-x--></a>', DTD);
    const data = bytes('<a><!DOCTYPE a></a>');
    for (let at = 0; at < data.length; at++) refuse(split(data, at), DTD);
  });

  it('refuses undeclared entities, stray ampersands and bad character references', () => {
    for (const xml of [
      '<a>&foo;</a>',
      '<a v="&foo;"/>',
      '<a>AT&T</a>',
      '<a>AT&T; x</a>',
      '<a>&amp</a>',
      '<a v="&amp"/>',
      '<a v="a & b"/>',
      '<a>&;</a>',
      '<a>&#;</a>',
      '<a>&#x;</a>',
      '<a>&#X41;</a>',
      '<a>&#0;</a>',
      '<a>&#x1F;</a>',
      '<a>&#xD800;</a>',
      '<a>&#xFFFE;</a>',
      '<a>&#x110000;</a>',
      '<a>&#99999999999999999999;</a>',
      `<a>&${'x'.repeat(100)}`,
      `<a>&#${'0'.repeat(70)}65;</a>`,
    ]) {
      refuse(xml, DAMAGED);
    }
  });

  it('refuses malformed markup', () => {
    for (const xml of [
      '<a><b></a>',
      '<a></b>',
      '<a/></a>',
      '</a>',
      '<a v="x<y"/>',
      "<a v='x<y'/>",
      '<a v=1/>',
      '<a v/>',
      '<a v="1"w="2"/>',
      '<a v="1" v="2"/>',
      '<a v="1" w="2" v=\'3\'/>',
      '< a/>',
      '<1a/>',
      '<a b:c="1"/>',
      '<p:a/>',
      '<p:a xmlns:p=""/>',
      '<a:b:c xmlns:a="urn:a"/>',
      '<a xmlns:x="urn:x" xmlns:y="urn:x" x:v="1" y:v="2"/>',
      '<xmlns:a/>',
      '<a xmlns:xml="urn:x"/>',
      '<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>',
      '<a xmlns:xmlns="urn:x"/>',
      '<a xmlns="http://www.w3.org/2000/xmlns/"/>',
      'текст<a/>',
      '<a/>текст',
      '<a/><b/>',
      '<![CDATA[x]]><a/>',
      '<a>x]]>y</a>',
      '<a>\u0001</a>',
      '<a v="\u0001"/>',
      '<a><!-- a -- b --></a>',
      '<a><!-- a ---></a>',
      ' <?xml version="1.0"?><a/>',
      '<a/><?xml version="1.0"?>',
      '<?xml version="2.0"?><a/>',
      '<?xml encoding="UTF-8"?><a/>',
      '<a><? x?></a>',
      '',
      '   ',
    ]) {
      refuse(xml, DAMAGED);
    }
  });

  it('refuses a document that breaks off, wherever it breaks', () => {
    const whole = '<?xml version="1.0"?><a><b v="1">x &amp; y</b><!-- c --><?p i?><![CDATA[d]]><e/></a>';
    for (let length = 0; length < whole.length; length++) {
      const data = bytes(whole.slice(0, length));
      refuse(data, DAMAGED);
      refuse(split(data, length >> 1), DAMAGED);
    }
  });

  it('refuses bytes that are not valid UTF-8', () => {
    refuse(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]), /повреждён или обрезан: в части «xl\/worksheets\/sheet1\.xml» неверная кодировка текста/);
    refuse(bytes('<a>Ж</a>').subarray(0, 4), /неверная кодировка/);
  });

  it('refuses nesting deeper than the limit, however the input is cut', () => {
    const nested = (depth: number): string => `${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`;
    expect(parse(nested(LIMITS.maxXmlDepth)).length).toBe(2 * LIMITS.maxXmlDepth);
    refuse(nested(LIMITS.maxXmlDepth + 1), /слишком глубокая вложенность элементов.*подделан/);
    refuse(`${'<a>'.repeat(LIMITS.maxXmlDepth)}<b/>${'</a>'.repeat(LIMITS.maxXmlDepth)}`, /вложенность/);
  });

  it('refuses more attributes than the limit, whole or arriving in pieces', () => {
    const tag = (count: number): string => `<a ${Array.from({ length: count }, (_, i) => `a${i}="${i}"`).join(' ')}/>`;
    expect(parse(tag(LIMITS.maxXmlAttributes), { attr: [`a${LIMITS.maxXmlAttributes - 1}`] })).toEqual([
      `open {}a a${LIMITS.maxXmlAttributes - 1}="${LIMITS.maxXmlAttributes - 1}"`,
      `close {}a a${LIMITS.maxXmlAttributes - 1}="${LIMITS.maxXmlAttributes - 1}"`,
    ]);
    const wide = bytes(tag(LIMITS.maxXmlAttributes + 1));
    refuse(wide, /слишком много атрибутов у одного элемента.*подделан/);
    const pieces: Uint8Array[] = [];
    for (let at = 0; at < wide.length; at += 100) pieces.push(wide.subarray(at, at + 100));
    refuse(pieces, /атрибутов/);
    // An unfinished tag is refused by its count before it ends.
    const endless = bytes(`<a ${'b="1" '.repeat(LIMITS.maxXmlAttributes + 1)}`);
    refuse([endless.subarray(0, 10), endless.subarray(10)], /атрибутов/);
  });
});
