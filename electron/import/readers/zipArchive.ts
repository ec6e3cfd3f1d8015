// A zip reader for .docx/.xlsx that can be handed a hostile file. It reads the central
// directory itself, refuses what the declared sizes already show to be too big, and inflates
// only the entries asked for, in small chunks handed straight to the caller: every chunk is
// counted before it is passed on, so a forged archive that declares small sizes is stopped as
// soon as the bytes actually inflated pass a limit, and memory never holds more than a chunk.

import { Inflate } from 'fflate';
import { ImportFileError, damagedFileError, fileLabel } from './importFileError';
import { LIMITS, megabytes } from './limits';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const ZIP64_EXTRA_FIELD = 0x0001;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 0x0001;

/** Compressed bytes pushed into the inflater at a time. Deflate unpacks at most ~1032 times,
 *  so one push yields at most ~16 MB even from a bomb before the limits are checked again;
 *  smaller pushes make ordinary files slower to unpack. */
const PUSH_BYTES = 16 * 1024;

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

export class ZipArchive {
  private inflatedTotal = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    /** The file name, for messages. */
    readonly file: string,
    /** Keyed by lower-cased name: OPC part names are case-insensitive. */
    private readonly entries: Map<string, ZipEntry>,
  ) {}

  /** Reads the central directory and checks the declared sizes against the limits. */
  static open(bytes: Uint8Array, file: string): ZipArchive {
    const entries = new Map<string, ZipEntry>();
    let declaredTotal = 0;
    for (const entry of readCentralDirectory(bytes, file)) {
      declaredTotal += entry.declaredSize;
      if (declaredTotal > LIMITS.maxTotalUncompressedBytes) throw tooBigUnpacked(file);
      const key = entry.name.toLowerCase();
      if (!entries.has(key)) entries.set(key, entry);
    }
    return new ZipArchive(bytes, file, entries);
  }

  has(name: string): boolean {
    return this.entries.has(normalizeName(name).toLowerCase());
  }

  /**
   * Unpacks one entry, handing its bytes to `onChunk` piece by piece. Throws ImportFileError
   * as soon as the entry or the archive passes a limit, or the data turns out damaged.
   */
  inflate(name: string, onChunk: (chunk: Uint8Array) => void): void {
    const entry = this.entries.get(normalizeName(name).toLowerCase());
    if (!entry) throw damagedFileError(this.file, `в архиве нет части «${name}»`);
    this.checkDeclared(entry);
    const data = this.compressedData(entry);

    let inflated = 0;
    let consumed = 0;
    const count = (chunk: Uint8Array): void => {
      inflated += chunk.length;
      this.inflatedTotal += chunk.length;
      // Passing the declared size is enough to stop a forged entry early: the declared size
      // itself was checked against the entry limit before inflating.
      if (inflated > entry.declaredSize) {
        throw new ImportFileError(
          this.file,
          `${fileLabel(this.file)} повреждён или подделан: часть «${entry.name}» после распаковки больше заявленного размера; импорт остановлен`,
        );
      }
      // Implied today by the declared sizes summed at open, but the limit is on actual bytes.
      if (this.inflatedTotal > LIMITS.maxTotalUncompressedBytes) throw tooBigUnpacked(this.file);
      if (inflated > LIMITS.compressionRatioGraceBytes && inflated > consumed * LIMITS.maxCompressionRatio) {
        throw tooDense(this.file);
      }
      onChunk(chunk);
    };

    if (entry.method === STORED) {
      while (consumed < data.length) {
        const chunk = data.subarray(consumed, consumed + PUSH_BYTES);
        consumed += chunk.length;
        count(chunk);
      }
    } else {
      const inflater = new Inflate((chunk) => {
        if (chunk.length > 0) count(chunk);
      });
      try {
        do {
          const chunk = data.subarray(consumed, consumed + PUSH_BYTES);
          consumed += chunk.length;
          inflater.push(chunk, consumed === data.length);
        } while (consumed < data.length);
      } catch (error) {
        if (!isInflateError(error)) throw error; // a limit, or the caller's own error
        throw damagedFileError(this.file, `не удаётся распаковать часть «${entry.name}»`, { cause: error });
      }
    }
    if (inflated !== entry.declaredSize) {
      throw damagedFileError(this.file, `часть «${entry.name}» распаковалась не полностью`);
    }
  }

  /** Unpacks a whole entry into memory; for the small parts of a package. */
  read(name: string): Uint8Array {
    const chunks: Uint8Array[] = [];
    this.inflate(name, (chunk) => chunks.push(chunk.slice()));
    const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let at = 0;
    for (const chunk of chunks) {
      whole.set(chunk, at);
      at += chunk.length;
    }
    return whole;
  }

  private checkDeclared(entry: ZipEntry): void {
    if (entry.flags & ENCRYPTED_FLAG) {
      throw new ImportFileError(
        this.file,
        `${fileLabel(this.file)} зашифрован (защищён паролем). Снимите пароль и сохраните файл заново`,
      );
    }
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      throw damagedFileError(this.file, `часть «${entry.name}» сжата неизвестным способом`);
    }
    if (entry.method === STORED && entry.compressedSize !== entry.declaredSize) {
      throw damagedFileError(this.file, `размеры части «${entry.name}» не согласованы`);
    }
    if (entry.declaredSize > LIMITS.maxEntryUncompressedBytes) {
      throw new ImportFileError(
        this.file,
        `${fileLabel(this.file)} слишком велик после распаковки: часть «${entry.name}» больше ${megabytes(LIMITS.maxEntryUncompressedBytes)} — похоже на «zip-бомбу»; импорт остановлен`,
      );
    }
    if (
      entry.declaredSize > LIMITS.compressionRatioGraceBytes &&
      entry.declaredSize > entry.compressedSize * LIMITS.maxCompressionRatio
    ) {
      throw tooDense(this.file);
    }
  }

  private compressedData(entry: ZipEntry): Uint8Array {
    const bytes = this.bytes;
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || readUint32(bytes, at) !== LOCAL_HEADER) {
      throw damagedFileError(this.file, 'не удаётся прочитать архив');
    }
    const start = at + 30 + readUint16(bytes, at + 26) + readUint16(bytes, at + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw damagedFileError(this.file, 'не удаётся прочитать архив');
    return bytes.subarray(start, end);
  }
}

function* readCentralDirectory(bytes: Uint8Array, file: string): Generator<ZipEntry> {
  const damaged = (): ImportFileError => damagedFileError(file, 'не удаётся прочитать архив');
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) throw damaged();
  if (readUint16(bytes, end + 4) !== 0 || readUint16(bytes, end + 6) !== 0) throw damaged(); // multi-volume
  let entryCount = readUint16(bytes, end + 10);
  let directoryOffset = readUint32(bytes, end + 16);
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || readUint32(bytes, locator) !== ZIP64_END_LOCATOR) throw damaged();
    const zip64End = readUint64(bytes, locator + 8);
    if (zip64End + 56 > bytes.length || readUint32(bytes, zip64End) !== ZIP64_END_OF_CENTRAL_DIRECTORY) {
      throw damaged();
    }
    entryCount = readUint64(bytes, zip64End + 32);
    directoryOffset = readUint64(bytes, zip64End + 48);
  }
  if (entryCount > LIMITS.maxZipEntries) {
    throw new ImportFileError(
      file,
      `${fileLabel(file)} содержит слишком много частей (более ${LIMITS.maxZipEntries.toLocaleString('ru-RU')}) — так не бывает у настоящих документов; импорт остановлен`,
    );
  }

  const decoder = new TextDecoder('utf-8');
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > bytes.length || readUint32(bytes, at) !== CENTRAL_HEADER) throw damaged();
    const nameLength = readUint16(bytes, at + 28);
    const extraLength = readUint16(bytes, at + 30);
    const commentLength = readUint16(bytes, at + 32);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > bytes.length) throw damaged();
    const entry: ZipEntry = {
      name: normalizeName(decoder.decode(bytes.subarray(nameStart, extraStart))),
      flags: readUint16(bytes, at + 8),
      method: readUint16(bytes, at + 10),
      compressedSize: readUint32(bytes, at + 20),
      declaredSize: readUint32(bytes, at + 24),
      localHeaderOffset: readUint32(bytes, at + 42),
    };
    applyZip64Sizes(entry, bytes.subarray(extraStart, extraStart + extraLength));
    if (![entry.compressedSize, entry.declaredSize, entry.localHeaderOffset].every(Number.isFinite)) throw damaged();
    yield entry;
    at = next;
  }
}

/** The end record sits in the last 22 bytes plus an optional comment of up to 64 KB. */
function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (readUint32(bytes, at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return -1;
}

/** Sizes that do not fit 32 bits are 0xFFFFFFFF in the header and follow in a zip64 field. */
function applyZip64Sizes(entry: ZipEntry, extra: Uint8Array): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = readUint16(extra, at);
    const size = readUint16(extra, at + 2);
    if (id === ZIP64_EXTRA_FIELD) {
      let field = at + 4;
      const take = (): number => {
        // A missing value leaves NaN, which the caller refuses as damage.
        const value = field + 8 <= Math.min(at + 4 + size, extra.length) ? readUint64(extra, field) : Number.NaN;
        field += 8;
        return value;
      };
      if (entry.declaredSize === 0xffffffff) entry.declaredSize = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take();
      return;
    }
    at += 4 + size;
  }
}

/** Zip names use '/', but some Windows tools write '\'; a leading '/' is the OPC part name form. */
function normalizeName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

function tooBigUnpacked(file: string): ImportFileError {
  return new ImportFileError(
    file,
    `${fileLabel(file)} слишком велик после распаковки (более ${megabytes(LIMITS.maxTotalUncompressedBytes)}) — похоже на «zip-бомбу»; импорт остановлен`,
  );
}

function tooDense(file: string): ImportFileError {
  return new ImportFileError(
    file,
    `${fileLabel(file)} сжат подозрительно сильно (более чем в ${LIMITS.maxCompressionRatio} раз) — похоже на «zip-бомбу»; импорт остановлен`,
  );
}

/** fflate reports damaged data with plain Errors carrying a numeric `code`. */
function isInflateError(error: unknown): boolean {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'number';
}

function readUint16(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** Values above 2^53 cannot be exact, but then they are far past every limit anyway. */
function readUint64(bytes: Uint8Array, at: number): number {
  return readUint32(bytes, at) + readUint32(bytes, at + 4) * 0x1_0000_0000;
}
