// Streaming XML for the parts of an untrusted .docx/.xlsx, read by a small tokenizer of our own
// that finds each construct with indexOf and sticky regular expressions instead of walking the
// text character by character as a general parser does (ten times slower on a large sheet).
// A DOCTYPE — indeed any `<!` that is neither a comment nor CDATA — is refused outright:
// Office never writes one, and without it no entity can be declared, so nothing is ever
// expanded (billion laughs) or fetched (external entities). Only the five predefined entities
// and character references are understood; any other entity is damage.
//
// Everything else a well-formed document must satisfy is checked as a conforming parser would:
// names, quoted attribute values without `<`, namespace prefixes bound, no attribute twice,
// tags balanced, one root and no text outside it, no character XML forbids. The bytes may
// arrive cut anywhere — inside a tag, a reference, a UTF-8 sequence: what is unfinished waits
// for the next chunk, and a construct spread over many chunks is never scanned twice over.

import { ImportFileError, damagedFileError, fileLabel } from './importFileError';
import { LIMITS } from './limits';
import type { ZipArchive } from './zipArchive';

const XML_URI = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';

/**
 * Prefix → namespace URI in effect ('' is the default namespace): an element that declares
 * namespaces gets a scope of its own whose prototype is its parent's, so nothing is copied and
 * a lookup walks at most the declaring ancestors. Never changed once built.
 */
type Scope = Readonly<Record<string, string>>;

const ROOT_SCOPE: Scope = Object.assign(Object.create(null) as Record<string, string>, { xml: XML_URI, xmlns: XMLNS_URI });

/**
 * An element as readers see it: namespace URI and local name, so prefixes never matter. Valid
 * while the element is open, its close handler included: the parser then reuses the object for
 * the next element at the same depth (a large sheet has millions of elements), so a reader
 * copies out what it keeps.
 */
export class XmlElement {
  /** The name as written, prefix included. */
  name = '';
  local = '';
  uri = '';
  /** @internal The namespaces in effect inside this element. */
  scope: Scope = ROOT_SCOPE;
  /** @internal The default namespace inside this element. */
  defaultUri = '';
  /** The text the start tag was read from and where in it the attribute list lies: the
   *  attributes were validated when the tag was read, and are picked out only when asked for. */
  private source = '';
  private from = 0;
  private to = 0;
  /** Whether a value may need references replaced or whitespace normalised. */
  private rawValues = false;

  /** @internal Makes this object the element just read; only the parser calls it. */
  become(name: string, local: string, uri: string, scope: Scope, defaultUri: string, source: string, from: number, to: number, rawValues: boolean): this {
    this.name = name;
    this.local = local;
    this.uri = uri;
    this.scope = scope;
    this.defaultUri = defaultUri;
    this.source = source;
    this.from = from;
    this.to = to;
    this.rawValues = rawValues;
    return this;
  }

  /**
   * An unprefixed attribute, as SpreadsheetML, relationships and content types write all of
   * theirs (their schemas leave attributes unqualified even on prefixed elements).
   */
  attr(name: string): string | undefined {
    if (name.includes(':')) return undefined;
    const source = this.source;
    if (marked === this) {
      for (let mark = 0; mark < 4 * markCount; mark += 4) {
        const start = marks[mark];
        if (marks[mark + 1] - start === name.length && source.startsWith(name, start)) {
          return this.value(marks[mark + 2], marks[mark + 3]);
        }
      }
      return undefined;
    }
    for (let at = this.from; nextAttribute(source, at, this.to); at = found.valueEnd + 1) {
      if (found.nameEnd - found.nameStart === name.length && source.startsWith(name, found.nameStart)) {
        return this.value(found.valueStart, found.valueEnd);
      }
    }
    return undefined;
  }

  /**
   * The attribute with this local name whatever its prefix, as WordprocessingML qualifies its
   * attributes (w:val) with whichever prefix the writer chose, or none.
   */
  attrAnyPrefix(local: string): string | undefined {
    const source = this.source;
    for (let at = this.from; nextAttribute(source, at, this.to); at = found.valueEnd + 1) {
      const { nameStart, nameEnd } = found;
      const localStart = nameEnd - local.length;
      if (localStart < nameStart || !source.startsWith(local, localStart)) continue;
      if (localStart === nameStart) {
        if (local === 'xmlns') continue; // a namespace declaration
        return this.value(found.valueStart, found.valueEnd);
      }
      // Prefixed names were checked to be a prefix, one colon and a local name.
      if (source.charCodeAt(localStart - 1) !== 0x3a) continue;
      if (localStart - 1 - nameStart === 5 && source.startsWith('xmlns', nameStart)) continue;
      return this.value(found.valueStart, found.valueEnd);
    }
    return undefined;
  }

  private value(start: number, end: number): string {
    const raw = this.source.slice(start, end);
    return this.rawValues ? attributeValue(raw) : raw;
  }
}

export interface XmlHandlers {
  open?(element: XmlElement): void;
  close?(element: XmlElement): void;
  /** Character data in document order; one run of text may come in several pieces. */
  text?(text: string): void;
}

/** Which file and which part of it is parsed, for messages. */
export interface XmlSource {
  file: string;
  part: string;
}

// XML 1.0 (fifth edition) names. Supplementary characters pass by their surrogates (the decoder
// never yields a lone one); only planes 15 and 16, which names exclude, do not.
const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D' +
  '\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\uD800-\\uDB7F\\uDC00-\\uDFFF';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
const NAME = `[${NAME_START}][${NAME_CHAR}]*`;
const S = '[ \\t\\r\\n]';
/** Characters XML 1.0 forbids anywhere, even as references (surrogates come paired). */
const FORBIDDEN = '\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF';
const FORBIDDEN_CHAR = new RegExp(`[${FORBIDDEN}]`);

/** A whole start tag: name, attributes (each after whitespace), optional '/'. */
const START_TAG = new RegExp(
  `<${NAME}(?:${S}+${NAME}${S}*=${S}*(?:"[^"<${FORBIDDEN}]*"|'[^'<${FORBIDDEN}]*'))*${S}*/?>`,
  'y',
);
const END_TAG = new RegExp(`</(${NAME})${S}*>`, 'y');
const NAME_ONLY = new RegExp(`^${NAME}$`);
/** The target a processing instruction starts with; like the parser used before, a '?' may follow it directly. */
const PI_TARGET = new RegExp(`^${NAME}(?=[ \\t\\r\\n?]|$)`);
/** The XML declaration, as strictly as the recommendation writes it. */
const XML_DECLARATION = new RegExp(
  `^<\\?xml${S}+version${S}*=${S}*(?:"1\\.[0-9]+"|'1\\.[0-9]+')` +
    `(?:${S}+encoding${S}*=${S}*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?` +
    `(?:${S}+standalone${S}*=${S}*(?:"(?:yes|no)"|'(?:yes|no)'))?${S}*\\?>$`,
);
/**
 * Characters after which text or an attribute value needs more than handing over: references
 * to replace, line ends and tabs to normalise, characters to refuse. Searched for ahead, once
 * per occurrence in the input, so text and attribute lists without them cost no scan at all.
 */
const SPECIAL = new RegExp(`[&\\t\\n\\r${FORBIDDEN}]`, 'g');
const NOT_SPACE = /[^ \t\r\n]/;
const QUOTE_OR_END = /["'>]/g;
/** The longest reference, '&' to ';' ('&#x10FFFF;' is 10 characters): whether one is cut by a
 *  chunk boundary can then be known without waiting for a ';' that never comes. */
const MAX_REFERENCE = 64;

/** ASCII characters by what they may be in a name: 1 anywhere, 2 after its first character. */
const ASCII_NAME = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  if (/[:A-Z_a-z]/.test(char)) ASCII_NAME[code] = 1;
  else if (/[-.0-9]/.test(char)) ASCII_NAME[code] = 2;
}

const NAME_SLOTS = 128;

// What a held-back piece of input starts with; meanwhile only new input is scanned, for its end.
const HELD_TEXT = 0; // a few characters of text, or a '<' with too little after it to tell what
const HELD_TAG = 1;
const HELD_PI = 2;

// A comment or CDATA section that runs past the input so far is read on as input comes, never
// held whole: only its last characters are kept, where its terminator may begin.
const IN_MARKUP = 0;
const IN_COMMENT = 1;
const IN_CDATA = 2;

/** Feeds bytes of one XML part, in any chunking, to the handlers. */
export class XmlStreamParser {
  private decoder: TextDecoder | undefined;
  /** The first byte, when a chunk of one byte leaves the encoding undecided. */
  private firstByte: Uint8Array | undefined;
  private readonly stack: XmlElement[] = [];
  /** One element object per depth, reused by every element opened at that depth. */
  private readonly spare: XmlElement[] = [];
  private sawRoot = false;
  /** Characters consumed before the text being tokenized, to know where the document starts. */
  private consumed = 0;
  /** Input not yet tokenized: an unfinished construct, in the pieces it arrived in. */
  private held: string[] = [];
  private heldKind = HELD_TEXT;
  /** The last characters of a held processing instruction, where its '?>' may begin. */
  private heldTail = '';
  /** Inside a comment or CDATA section: which, and its last characters not yet read. */
  private inside = IN_MARKUP;
  private insideTail = '';
  /** In an unfinished tag: the quote it is inside (0 if none), attribute values seen. */
  private tagQuote = 0;
  private tagValues = 0;
  /** Where in the text being tokenized the next SPECIAL character and the next ']]>' are (its
   *  length if nowhere); looked for again only once passed. */
  private specialAt = -1;
  private cdataEndAt = -1;
  /** Element names recently read, by a hash of the name, with what they resolved to. */
  private readonly names: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS).fill(undefined);
  private readonly locals: string[] = new Array<string>(NAME_SLOTS).fill('');
  private readonly uris: string[] = new Array<string>(NAME_SLOTS).fill('');
  private readonly nameScopes: (Scope | undefined)[] = new Array<Scope | undefined>(NAME_SLOTS).fill(undefined);

  constructor(
    private readonly source: XmlSource,
    private readonly handlers: XmlHandlers,
  ) {}

  write(bytes: Uint8Array): void {
    if (this.decoder === undefined) {
      if (this.firstByte === undefined && bytes.length === 1) {
        this.firstByte = bytes.slice();
        return;
      }
      if (this.firstByte !== undefined) {
        const joined = new Uint8Array(1 + bytes.length);
        joined[0] = this.firstByte[0];
        joined.set(bytes, 1);
        bytes = joined;
        this.firstByte = undefined;
      }
      if (bytes.length === 0) return;
      this.decoder = new TextDecoder(encodingOf(bytes), { fatal: true });
    }
    const text = this.decode(bytes, true);
    if (text.length > 0) this.feed(text, false);
  }

  end(): void {
    if (this.firstByte !== undefined) {
      this.decoder = new TextDecoder(encodingOf(this.firstByte), { fatal: true });
      this.feed(this.decode(this.firstByte, true), false);
      this.firstByte = undefined;
    }
    this.feed(this.decoder ? this.decode(new Uint8Array(0), false) : '', true);
    if (!this.sawRoot) this.fail('document must contain a root element');
    if (this.stack.length > 0) this.fail(`unclosed tag: ${this.stack[this.stack.length - 1].name}`);
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    try {
      return this.decoder!.decode(bytes, { stream });
    } catch (error) {
      throw damagedFileError(this.source.file, `в части «${this.source.part}» неверная кодировка текста`, {
        cause: error,
      });
    }
  }

  /** Takes decoded text; tokenizes as soon as what is held may be complete. */
  private feed(text: string, final: boolean): void {
    if (this.inside !== IN_MARKUP) {
      const after = this.inside === IN_COMMENT ? this.commentGoesOn(text, final) : this.cdataGoesOn(text, final);
      if (after < 0) return;
      this.consumed += after;
      text = text.slice(after);
    }
    const held = this.held;
    if (held.length > 0) {
      held.push(text);
      if (!final && !this.mayEndHeld(text)) return;
      text = held.length === 2 ? held[0] + held[1] : held.join('');
      this.held = [];
    }
    this.tokenize(text, final);
  }

  /**
   * Whether `text`, the latest piece of a held construct, may finish it. Only the new piece is
   * scanned, so a huge construct arriving in many chunks costs linear time; a wrong "maybe"
   * only costs one more tokenizing pass.
   */
  private mayEndHeld(text: string): boolean {
    switch (this.heldKind) {
      case HELD_TAG:
        return this.scanTag(text, 0) >= 0;
      case HELD_PI: {
        const joined = this.heldTail + text;
        this.heldTail = joined.slice(-1);
        return joined.includes('?>');
      }
      default:
        return true;
    }
  }

  /** Keeps text[from…] until more input arrives. */
  private hold(text: string, from: number, kind: number): -1 {
    this.held = [from === 0 ? text : text.slice(from)];
    this.heldKind = kind;
    this.heldTail = text.slice(-1);
    this.consumed += from;
    return -1;
  }

  /** Reads every complete construct of `text`, which starts outside markup. */
  private tokenize(text: string, final: boolean): void {
    this.specialAt = this.cdataEndAt = -1;
    const length = text.length;
    let at = 0;
    while (at < length) {
      if (text.charCodeAt(at) !== 0x3c) {
        const lt = text.indexOf('<', at);
        if (lt < 0) {
          if (!final) return this.partialCharacters(text, at);
          this.characters(text, at, length);
          break;
        }
        this.characters(text, at, lt);
        at = lt;
      }
      const next = text.charCodeAt(at + 1); // NaN past the end
      let after: number;
      if (next === 0x2f) after = this.endTag(text, at, final);
      else if (next === 0x21) after = this.markupDeclaration(text, at, final);
      else if (next === 0x3f) after = this.processingInstruction(text, at, final);
      else if (!Number.isNaN(next)) after = this.startTag(text, at, final);
      else if (final) this.fail('unexpected end');
      else after = this.hold(text, at, HELD_TEXT);
      if (after < 0) return;
      at = after;
    }
    this.consumed += length;
  }

  /** A start tag at `at`; the index after it, or -1 if it is held. */
  private startTag(text: string, at: number, final: boolean): number {
    // Most tags are a plain ASCII name and nothing else: <row>, <v>, <w:p/>.
    let nameEnd = at + 1;
    let code = text.charCodeAt(nameEnd);
    if (code < 0x80 && ASCII_NAME[code] === 1) {
      do code = text.charCodeAt(++nameEnd);
      while (code < 0x80 && ASCII_NAME[code] !== 0);
      if (code === 0x3e) {
        this.openElement(text, at + 1, nameEnd, nameEnd, false);
        return nameEnd + 1;
      }
      if (code === 0x2f && text.charCodeAt(nameEnd + 1) === 0x3e) {
        this.openElement(text, at + 1, nameEnd, nameEnd, true);
        return nameEnd + 2;
      }
    }
    START_TAG.lastIndex = at;
    if (!START_TAG.test(text)) return this.unfinishedTag(text, at, final);
    const end = START_TAG.lastIndex;
    for (code = text.charCodeAt(nameEnd); code > 0x20 && code !== 0x2f && code !== 0x3e; code = text.charCodeAt(++nameEnd));
    const selfClosing = text.charCodeAt(end - 2) === 0x2f;
    this.openElement(text, at + 1, nameEnd, selfClosing ? end - 2 : end - 1, selfClosing);
    return end;
  }

  private endTag(text: string, at: number, final: boolean): number {
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined) {
      const name = top.name;
      const gt = at + 2 + name.length;
      if (text.charCodeAt(gt) === 0x3e && text.startsWith(name, at + 2)) {
        this.closeElement();
        return gt + 1;
      }
    }
    END_TAG.lastIndex = at;
    const match = END_TAG.exec(text);
    if (match === null) return this.unfinishedTag(text, at, final);
    if (top === undefined || match[1] !== top.name) this.fail(`unexpected close tag: ${match[1]}`);
    this.closeElement();
    return END_TAG.lastIndex;
  }

  /** A tag the patterns refuse: malformed if it is complete, else held until it is. */
  private unfinishedTag(text: string, at: number, final: boolean): number {
    this.tagQuote = 0;
    this.tagValues = 0;
    if (this.scanTag(text, at + 1) >= 0) this.fail('malformed tag');
    if (final) this.fail('unexpected end inside a tag');
    return this.hold(text, at, HELD_TAG);
  }

  /**
   * The index after the '>' that ends a tag, outside quoted values, resuming in the quote state
   * the previous piece left; -1 if `text` ends first. Counts attribute values on the way, so a
   * tag with absurdly many attributes is refused before the whole of it is held.
   */
  private scanTag(text: string, from: number): number {
    let at = from;
    for (;;) {
      if (this.tagQuote !== 0) {
        const close = text.indexOf(this.tagQuote === 0x22 ? '"' : "'", at);
        if (close < 0) return -1;
        this.tagQuote = 0;
        at = close + 1;
      }
      QUOTE_OR_END.lastIndex = at;
      if (!QUOTE_OR_END.test(text)) return -1;
      at = QUOTE_OR_END.lastIndex;
      const code = text.charCodeAt(at - 1);
      if (code === 0x3e) return at;
      this.tagQuote = code;
      this.tagValues += 1;
      if (this.tagValues > LIMITS.maxXmlAttributes) throw this.suspicious('слишком много атрибутов у одного элемента');
    }
  }

  /** `<!--`, `<![CDATA[`, or a declaration, which is refused. */
  private markupDeclaration(text: string, at: number, final: boolean): number {
    if (text.startsWith('<!--', at)) return this.comment(text, at, final);
    if (text.startsWith('<![CDATA[', at)) return this.cdata(text, at, final);
    const start = text.slice(at, at + 9);
    if (start.length < 9 && ('<!--'.startsWith(start) || '<![CDATA['.startsWith(start))) {
      if (final) this.fail('unexpected end');
      return this.hold(text, at, HELD_TEXT);
    }
    throw new ImportFileError(
      this.source.file,
      `${fileLabel(this.source.file)} содержит объявления DTD/сущности XML, которые не допускаются (часть «${this.source.part}»); импорт остановлен`,
    );
  }

  private comment(text: string, at: number, final: boolean): number {
    const dashes = text.indexOf('--', at + 4);
    if (dashes < 0 || dashes + 2 >= text.length) {
      if (final) this.fail('unexpected end inside a comment');
      this.inside = IN_COMMENT;
      this.insideTail = '';
      this.consumed += at + 4;
      return this.commentGoesOn(text.slice(at + 4), false);
    }
    if (text.charCodeAt(dashes + 2) !== 0x3e) this.fail('"--" inside a comment');
    if (FORBIDDEN_CHAR.test(text.slice(at + 4, dashes))) this.fail('disallowed character');
    return dashes + 3;
  }

  /** More of a comment: the index in `text` after its end, or -1 if it goes on. */
  private commentGoesOn(text: string, final: boolean): number {
    const tail = this.insideTail;
    const content = tail + text;
    const dashes = content.indexOf('--');
    if (dashes < 0 || dashes + 2 >= content.length) {
      if (final) this.fail('unexpected end inside a comment');
      if (FORBIDDEN_CHAR.test(text)) this.fail('disallowed character');
      this.insideTail = content.slice(-2);
      this.consumed += text.length;
      return -1;
    }
    if (content.charCodeAt(dashes + 2) !== 0x3e) this.fail('"--" inside a comment');
    if (FORBIDDEN_CHAR.test(content.slice(0, dashes))) this.fail('disallowed character');
    this.inside = IN_MARKUP;
    return dashes + 3 - tail.length;
  }

  private cdata(text: string, at: number, final: boolean): number {
    if (this.stack.length === 0) this.fail('text data outside of root node');
    const end = text.indexOf(']]>', at + 9);
    if (end < 0) {
      if (final) this.fail('unexpected end inside CDATA');
      this.inside = IN_CDATA;
      this.insideTail = '';
      this.consumed += at + 9;
      return this.cdataGoesOn(text.slice(at + 9), false);
    }
    this.cdataText(text.slice(at + 9, end));
    return end + 3;
  }

  /**
   * More of a CDATA section, passed on as it comes except the last characters, where ']]>' or
   * a CRLF may begin: the index in `text` after its end, or -1 if it goes on.
   */
  private cdataGoesOn(text: string, final: boolean): number {
    const tail = this.insideTail;
    const content = tail + text;
    const end = content.indexOf(']]>');
    if (end < 0) {
      if (final) this.fail('unexpected end inside CDATA');
      let keep = Math.max(0, content.length - 2);
      if (keep > 0 && content.charCodeAt(keep - 1) === 0x0d) keep -= 1;
      this.cdataText(content.slice(0, keep));
      this.insideTail = content.slice(keep);
      this.consumed += text.length;
      return -1;
    }
    this.cdataText(content.slice(0, end));
    this.inside = IN_MARKUP;
    return end + 3 - tail.length;
  }

  private cdataText(content: string): void {
    if (content === '') return;
    if (FORBIDDEN_CHAR.test(content)) this.fail('disallowed character');
    this.handlers.text?.(content.includes('\r') ? content.replace(/\r\n?/g, '\n') : content);
  }

  /** Processing instructions are skipped; the XML declaration is checked and skipped. */
  private processingInstruction(text: string, at: number, final: boolean): number {
    const end = text.indexOf('?>', at + 2);
    if (end < 0) {
      if (final) this.fail('unexpected end inside a processing instruction');
      return this.hold(text, at, HELD_PI);
    }
    const body = text.slice(at + 2, end);
    const target = PI_TARGET.exec(body)?.[0];
    if (target === undefined || target.includes(':')) this.fail('processing instruction without a proper target');
    if (FORBIDDEN_CHAR.test(body)) this.fail('disallowed character');
    if (target.toLowerCase() === 'xml') {
      if (this.consumed + at !== 0) this.fail('the XML declaration must appear at the start of the document');
      if (!XML_DECLARATION.test(text.slice(at, end + 2))) this.fail('malformed XML declaration');
    }
    return end + 2;
  }

  /** Character data text[from, to) between markup. */
  private characters(text: string, from: number, to: number): void {
    if (this.stack.length === 0) {
      if (NOT_SPACE.test(text.slice(from, to))) this.fail('text data outside of root node');
      return;
    }
    if (this.specialAt < from) this.specialAt = search(SPECIAL, text, from);
    if (this.cdataEndAt < from) this.cdataEndAt = indexOrEnd(text, ']]>', from);
    if (this.specialAt >= to && this.cdataEndAt >= to) {
      this.handlers.text?.(text.slice(from, to));
      return;
    }
    // A ']]>' starting here lies wholly in character data: it cannot contain '<', and text
    // held back at the end of a chunk is never more than its first two characters.
    if (this.cdataEndAt < to) this.fail('the string "]]>" is disallowed in char data');
    let raw = text.slice(from, to);
    if (FORBIDDEN_CHAR.test(raw)) this.fail('disallowed character');
    if (raw.includes('\r')) raw = raw.replace(/\r\n?/g, '\n');
    if (raw.includes('&')) raw = this.decodeReferences(raw);
    this.handlers.text?.(raw);
  }

  /**
   * Character data that runs to the end of the input so far: passed on except its last two
   * characters (where a CRLF or a ']]>' may begin), a CRLF or reference they would cut, and an
   * unfinished reference, which wait for the next chunk.
   */
  private partialCharacters(text: string, at: number): void {
    let keep = Math.max(at, text.length - 2);
    if (keep > at && text.charCodeAt(keep - 1) === 0x0d) keep -= 1; // a CRLF is not cut either
    // A reference that would be cut waits whole.
    const amp = keep > at ? text.lastIndexOf('&', keep - 1) : -1;
    if (amp >= at) {
      const semicolon = text.indexOf(';', amp);
      if (semicolon < 0 || semicolon >= keep) keep = amp;
    }
    if (text.length - keep > MAX_REFERENCE) this.fail('unterminated reference');
    if (keep > at) this.characters(text, at, keep);
    this.hold(text, keep, HELD_TEXT);
  }

  /** Replaces entity and character references, refusing any other. */
  private decodeReferences(raw: string): string {
    let decoded = '';
    let from = 0;
    for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
      const semicolon = raw.indexOf(';', amp + 1);
      if (semicolon < 0 || semicolon - amp > MAX_REFERENCE) this.fail('unterminated reference');
      decoded += raw.slice(from, amp) + this.reference(raw.slice(amp + 1, semicolon));
      from = semicolon + 1;
    }
    return decoded + raw.slice(from);
  }

  private reference(name: string): string {
    const predefined = PREDEFINED[name];
    if (predefined !== undefined) return predefined;
    let code = Number.NaN;
    if (/^#x[0-9A-Fa-f]+$/.test(name)) code = Number.parseInt(name.slice(2), 16);
    else if (/^#[0-9]+$/.test(name)) code = Number.parseInt(name.slice(1), 10);
    else if (name.startsWith('#')) this.fail('malformed character reference');
    else this.fail(NAME_ONLY.test(name) ? `undefined entity: ${name}` : 'disallowed character in entity name');
    if (!isXmlChar(code)) this.fail('character reference to a character XML does not allow');
    return String.fromCodePoint(code);
  }

  /** A start tag read: its name is text[nameStart, nameEnd), its attributes text[nameEnd, to). */
  private openElement(text: string, nameStart: number, nameEnd: number, to: number, selfClosing: boolean): void {
    const stack = this.stack;
    const parent = stack.length === 0 ? undefined : stack[stack.length - 1];
    if (parent === undefined && this.sawRoot) this.fail('documents may contain only one root');
    this.sawRoot = true;
    if (stack.length >= LIMITS.maxXmlDepth) throw this.suspicious('слишком глубокая вложенность элементов');
    let scope = parent === undefined ? ROOT_SCOPE : parent.scope;
    let defaultUri = parent === undefined ? '' : parent.defaultUri;
    let source = '';
    let from = 0;
    let rawValues = false;
    const count = nameEnd < to ? this.markAttributes(text, nameEnd, to) : 0;
    if (count > 0) {
      source = text;
      from = nameEnd;
      if (this.specialAt < from) this.specialAt = search(SPECIAL, text, from);
      if (this.specialAt < to) {
        rawValues = true;
        const list = text.slice(from, to);
        if (list.includes('&')) this.decodeReferences(list); // only to refuse bad references
      }
      if (this.qualified) {
        scope = this.checkQualifiedAttributes(text, count, scope, rawValues);
        defaultUri = scope[''] ?? '';
      } else if (count > 1) {
        this.checkDuplicates(text, count);
      }
    }
    // Documents repeat a few names endlessly: each is sliced and resolved once per scope.
    const length = nameEnd - nameStart;
    const slot = (text.charCodeAt(nameStart) + 31 * text.charCodeAt(nameEnd - 1) + 7 * length) & (NAME_SLOTS - 1);
    let name = this.names[slot];
    let local: string;
    let uri: string;
    if (name !== undefined && this.nameScopes[slot] === scope && name.length === length && text.startsWith(name, nameStart)) {
      local = this.locals[slot];
      uri = this.uris[slot];
    } else {
      name = text.slice(nameStart, nameEnd);
      local = name;
      uri = defaultUri;
      const colon = name.indexOf(':');
      if (colon >= 0) {
        const prefix = name.slice(0, colon);
        local = name.slice(colon + 1);
        if (colon === 0 || local === '' || local.includes(':')) this.fail(`malformed name: ${name}`);
        if (prefix === 'xmlns') this.fail('tags may not have "xmlns" as prefix');
        const bound = scope[prefix];
        if (bound === undefined || bound === '') this.fail(`unbound namespace prefix: ${prefix}`);
        uri = bound;
      }
      this.names[slot] = name;
      this.locals[slot] = local;
      this.uris[slot] = uri;
      this.nameScopes[slot] = scope;
    }
    const depth = stack.length;
    const reused = this.spare[depth];
    // The marks belong to the element read last; an object reused must not claim them.
    if (reused !== undefined && marked === reused) marked = undefined;
    const element = (reused ?? (this.spare[depth] = new XmlElement())).become(name, local, uri, scope, defaultUri, source, from, count > 0 ? to : 0, rawValues);
    if (count > 0) marked = element;
    stack.push(element);
    this.handlers.open?.(element);
    if (selfClosing) this.closeElement();
  }

  private closeElement(): void {
    const element = this.stack.pop()!;
    this.handlers.close?.(element);
  }

  /** Whether the attributes markAttributes() last marked include a prefixed name or xmlns. */
  private qualified = false;

  /**
   * Records where each attribute of text[from, to) lies in `marks` and returns how many there
   * are, refusing a tag with too many; sets `qualified`.
   */
  private markAttributes(text: string, from: number, to: number): number {
    marked = undefined;
    let count = 0;
    let qualified = false;
    for (let at = from; nextAttribute(text, at, to); at = found.valueEnd + 1) {
      if (count === LIMITS.maxXmlAttributes) throw this.suspicious('слишком много атрибутов у одного элемента');
      const { nameStart, nameEnd } = found;
      const mark = 4 * count;
      marks[mark] = nameStart;
      marks[mark + 1] = nameEnd;
      marks[mark + 2] = found.valueStart;
      marks[mark + 3] = found.valueEnd;
      count += 1;
      if (qualified) continue;
      if (nameEnd - nameStart === 5 && text.startsWith('xmlns', nameStart)) qualified = true;
      else for (let at = nameStart; at < nameEnd; at++) if (text.charCodeAt(at) === 0x3a) qualified = true;
    }
    this.qualified = qualified;
    markCount = count;
    return count;
  }

  /** No two of the marked attributes, all unprefixed, share a name. */
  private checkDuplicates(text: string, count: number): void {
    if (count > 16) {
      const names = new Set<string>();
      for (let mark = 0; mark < 4 * count; mark += 4) names.add(text.slice(marks[mark], marks[mark + 1]));
      if (names.size !== count) this.fail('duplicate attribute');
      return;
    }
    for (let i = 4; i < 4 * count; i += 4) {
      const start = marks[i];
      const length = marks[i + 1] - start;
      for (let j = 0; j < i; j += 4) {
        const other = marks[j];
        if (marks[j + 1] - other !== length) continue;
        let k = 0;
        while (k < length && text.charCodeAt(start + k) === text.charCodeAt(other + k)) k += 1;
        if (k === length) this.fail(`duplicate attribute: ${text.slice(start, start + length)}`);
      }
    }
  }

  /** Namespace declarations, prefixes and duplicates of the marked attributes; the scope inside. */
  private checkQualifiedAttributes(text: string, count: number, parent: Scope, rawValues: boolean): Scope {
    const names: string[] = [];
    const values: string[] = [];
    for (let mark = 0; mark < 4 * count; mark += 4) {
      names.push(text.slice(marks[mark], marks[mark + 1]));
      values.push(text.slice(marks[mark + 2], marks[mark + 3]));
    }
    let scope: Record<string, string> | undefined;
    for (let i = 0; i < count; i++) {
      const name = names[i];
      let prefix: string;
      if (name === 'xmlns') prefix = '';
      else if (name.startsWith('xmlns:')) prefix = name.slice(6);
      else continue;
      const uri = (rawValues ? attributeValue(values[i]) : values[i]).trim();
      if (prefix !== '' && uri === '') this.fail('invalid attempt to undefine prefix in XML 1.0');
      if ((prefix === 'xml') !== (uri === XML_URI) || prefix === 'xmlns' || uri === XMLNS_URI) {
        this.fail(`may not bind the prefix "${prefix}" to ${uri}`);
      }
      if (prefix === 'xml') continue; // bound already, and to nothing else
      scope ??= Object.create(parent) as Record<string, string>;
      scope[prefix] = intern(uri);
    }
    const inside = scope ?? parent;
    const expanded = new Set<string>();
    for (const name of names) {
      const colon = name.indexOf(':');
      let key = name;
      if (colon >= 0) {
        const prefix = name.slice(0, colon);
        const local = name.slice(colon + 1);
        if (colon === 0 || local === '' || local.includes(':')) this.fail(`malformed name: ${name}`);
        const uri = prefix === 'xmlns' ? XMLNS_URI : inside[prefix];
        if (uri === undefined || uri === '') this.fail(`unbound namespace prefix: ${prefix}`);
        key = `{${uri}}${local}`;
      }
      if (expanded.has(key)) this.fail(`duplicate attribute: ${key}`);
      expanded.add(key);
    }
    return inside;
  }

  private fail(detail: string): never {
    throw damagedFileError(this.source.file, `не удаётся разобрать содержимое (часть «${this.source.part}»)`, {
      cause: new Error(detail),
    });
  }

  private suspicious(detail: string): ImportFileError {
    return new ImportFileError(
      this.source.file,
      `${fileLabel(this.source.file)} устроен подозрительно (${detail} в части «${this.source.part}») — похоже, он подделан; импорт остановлен`,
    );
  }
}

/** Where the attributes of the last tag read lie (name start, end, value start, end), and whose
 *  they are: while `marked` is the element just opened, its attributes need no new scan. */
const marks = new Int32Array(4 * LIMITS.maxXmlAttributes);
let markCount = 0;
let marked: XmlElement | undefined;

/** Where the attribute nextAttribute() found lies: name, and value inside its quotes. */
const found = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };

/**
 * Finds the first attribute in source[at, to), an attribute list the start-tag pattern has
 * validated (whitespace, name, '=', quoted value; repeated), and records it in `found`.
 */
function nextAttribute(source: string, at: number, to: number): boolean {
  while (at < to && source.charCodeAt(at) <= 0x20) at += 1;
  if (at >= to) return false;
  const equals = source.indexOf('=', at);
  let nameEnd = equals;
  while (source.charCodeAt(nameEnd - 1) <= 0x20) nameEnd -= 1;
  let quote = equals + 1;
  while (source.charCodeAt(quote) <= 0x20) quote += 1;
  found.nameStart = at;
  found.nameEnd = nameEnd;
  found.valueStart = quote + 1;
  found.valueEnd = source.indexOf(source.charCodeAt(quote) === 0x22 ? '"' : "'", quote + 1);
  return true;
}

/** The first match of `pattern` (one character, flag g) in `text` from `from`, or its length. */
function search(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  return pattern.test(text) ? pattern.lastIndex - 1 : text.length;
}

/**
 * The one shared copy of a string (a property key is): a namespace URI then neither keeps the
 * chunk it was sliced from alive nor costs a character-by-character comparison with the
 * readers' constants.
 */
function intern(text: string): string {
  return Object.keys({ [text]: 0 })[0];
}

function indexOrEnd(text: string, searched: string, from: number): number {
  const at = text.indexOf(searched, from);
  return at < 0 ? text.length : at;
}

/** An attribute value as the application sees it: tabs and line ends as spaces, references
 *  replaced (they were validated when the tag was read). */
function attributeValue(raw: string): string {
  let value = raw;
  if (/[\t\n\r]/.test(value)) value = value.replace(/\r\n|[\t\n\r]/g, ' ');
  if (value.includes('&')) {
    value = value.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[a-z]+);/g, (_, name: string) => {
      if (name.charCodeAt(0) !== 0x23) return PREDEFINED[name];
      const hex = name.charCodeAt(1) === 0x78;
      return String.fromCodePoint(Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10));
    });
  }
  return value;
}

const PREDEFINED: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
});

/** The Char production of XML 1.0. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Office writes UTF-8, rarely UTF-16 (then always with a byte order mark). */
function encodingOf(firstBytes: Uint8Array): string {
  if (firstBytes[0] === 0xff && firstBytes[1] === 0xfe) return 'utf-16le';
  if (firstBytes[0] === 0xfe && firstBytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/**
 * Bytes of a part decoded and tokenized at a time, so that its text never exists whole: the
 * largest part allowed would be hundreds of megabytes of string. Small enough that a piece's
 * text (at most 64 KB, two-byte) is an ordinary young object: pieces of a megabyte went
 * straight to V8's large-object space and stayed there until the next full collection, some
 * 20 MB of a large sheet's peak memory.
 */
const PARSED_BYTES_AT_A_TIME = 32 * 1024;

/** Parses one part of an archive. */
export function parseArchivePart(archive: ZipArchive, part: string, handlers: XmlHandlers): void {
  const parser = new XmlStreamParser({ file: archive.file, part }, handlers);
  const bytes = archive.read(part);
  for (let at = 0; at < bytes.length; at += PARSED_BYTES_AT_A_TIME) parser.write(bytes.subarray(at, at + PARSED_BYTES_AT_A_TIME));
  parser.end();
}
