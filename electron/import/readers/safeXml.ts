// Streaming XML for the parts of an untrusted .docx/.xlsx. A DOCTYPE is refused outright:
// Office never writes one, and without it no entity can be declared, so nothing is ever
// expanded (billion laughs) or fetched (external entities). saxes itself only knows the five
// predefined entities and character references, and reports any other entity as an error.

import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ImportFileError, damagedFileError, fileLabel } from './importFileError';
import { LIMITS } from './limits';
import type { ZipArchive } from './zipArchive';

const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';

/** An element as readers see it: namespace URI and local name, so prefixes never matter. */
export class XmlElement {
  constructor(private readonly tag: SaxesTagNS) {}

  get local(): string {
    return this.tag.local;
  }

  get uri(): string {
    return this.tag.uri;
  }

  /**
   * An unprefixed attribute, as SpreadsheetML, relationships and content types write all of
   * theirs (their schemas leave attributes unqualified even on prefixed elements).
   */
  attr(name: string): string | undefined {
    const attribute = this.tag.attributes[name];
    return attribute !== undefined && attribute.prefix === '' ? attribute.value : undefined;
  }

  /**
   * The attribute with this local name whatever its prefix, as WordprocessingML qualifies its
   * attributes (w:val) with whichever prefix the writer chose, or none.
   */
  attrAnyPrefix(local: string): string | undefined {
    const attributes = this.tag.attributes;
    for (const name in attributes) {
      const attribute = attributes[name];
      if (attribute.local === local && attribute.uri !== XMLNS_URI) return attribute.value;
    }
    return undefined;
  }
}

export interface XmlHandlers {
  open?(element: XmlElement): void;
  close?(element: XmlElement): void;
  text?(text: string): void;
}

/** Which file and which part of it is parsed, for messages. */
export interface XmlSource {
  file: string;
  part: string;
}

/** Feeds bytes of one XML part, in any chunking, to the handlers. */
export class XmlStreamParser {
  private readonly parser = new SaxesParser({ xmlns: true, position: false });
  private readonly open: XmlElement[] = [];
  private decoder: TextDecoder | undefined;

  constructor(
    private readonly source: XmlSource,
    handlers: XmlHandlers,
  ) {
    const { parser, open } = this;
    parser.on('doctype', () => {
      throw new ImportFileError(
        source.file,
        `${fileLabel(source.file)} содержит объявления DTD/сущности XML, которые не допускаются (часть «${source.part}»); импорт остановлен`,
      );
    });
    parser.on('error', (error) => {
      throw damagedFileError(source.file, `не удаётся разобрать содержимое (часть «${source.part}»)`, {
        cause: error,
      });
    });
    // saxes keeps every open element and every attribute of the element being read: an
    // absurdly deep or wide element is refused before it can fill the memory.
    let attributes = 0;
    parser.on('opentagstart', () => {
      attributes = 0;
    });
    parser.on('attribute', () => {
      attributes += 1;
      if (attributes > LIMITS.maxXmlAttributes) throw suspicious(source, 'слишком много атрибутов у одного элемента');
    });
    parser.on('opentag', (tag) => {
      if (open.length >= LIMITS.maxXmlDepth) throw suspicious(source, 'слишком глубокая вложенность элементов');
      const element = new XmlElement(tag);
      open.push(element);
      handlers.open?.(element);
    });
    parser.on('closetag', () => {
      const element = open.pop();
      if (element) handlers.close?.(element);
    });
    if (handlers.text) {
      const text = (content: string): void => handlers.text?.(content);
      parser.on('text', text);
      parser.on('cdata', text);
    }
  }

  write(bytes: Uint8Array): void {
    this.decoder ??= new TextDecoder(encodingOf(bytes), { fatal: true });
    this.parser.write(this.decode(bytes, true));
  }

  end(): void {
    if (this.decoder) this.parser.write(this.decode(new Uint8Array(0), false));
    this.parser.close();
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
}

function suspicious(source: XmlSource, detail: string): ImportFileError {
  return new ImportFileError(
    source.file,
    `${fileLabel(source.file)} устроен подозрительно (${detail} в части «${source.part}») — похоже, он подделан; импорт остановлен`,
  );
}

/** Office writes UTF-8, rarely UTF-16 (then always with a byte order mark). */
function encodingOf(firstBytes: Uint8Array): string {
  if (firstBytes[0] === 0xff && firstBytes[1] === 0xfe) return 'utf-16le';
  if (firstBytes[0] === 0xfe && firstBytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Parses one part of an archive while it is being unpacked, never holding it whole. */
export function parseArchivePart(archive: ZipArchive, part: string, handlers: XmlHandlers): void {
  const parser = new XmlStreamParser({ file: archive.file, part }, handlers);
  archive.inflate(part, (chunk) => parser.write(chunk));
  parser.end();
}
