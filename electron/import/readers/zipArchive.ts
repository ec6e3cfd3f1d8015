// A zip reader for .docx/.xlsx that can be handed a hostile file. It reads the central
// directory itself, refuses what the declared sizes already show to be too big, and inflates
// only the entries asked for, with node's zlib (several times faster than a JavaScript
// inflater that has not warmed up, which for a single import it never has). The bytes an entry
// actually inflates to are capped while inflating, never trusted from the headers: a forged
// archive that declares small sizes is stopped as soon as its output passes a limit.

import { constants, inflateRawSync } from 'node:zlib';
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

/** The packed bytes whose inflated size is checked first; each later check takes this many
 *  times more (see inflateWithinLimits). */
const FIRST_CHECK_BYTES = 64 * 1024;
const CHECK_GROWTH = 8;

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
   * Unpacks one entry whole. Throws ImportFileError as soon as the entry or the archive passes
   * a limit, or the data turns out damaged. The entry is at most LIMITS.maxEntryUncompressedBytes.
   */
  read(name: string): Uint8Array {
    const entry = this.entries.get(normalizeName(name).toLowerCase());
    if (!entry) throw damagedFileError(this.file, `в архиве нет части «${name}»`);
    this.checkDeclared(entry);
    const data = this.compressedData(entry);
    const bytes = entry.method === STORED ? data : this.inflateWithinLimits(entry, data);
    this.inflatedTotal += bytes.length;
    // Implied today by the declared sizes summed at open, but the limit is on actual bytes.
    if (this.inflatedTotal > LIMITS.maxTotalUncompressedBytes) throw tooBigUnpacked(this.file);
    if (bytes.length !== entry.declaredSize) {
      throw damagedFileError(this.file, `часть «${entry.name}» распаковалась не полностью`);
    }
    return bytes;
  }

  /**
   * Inflates a deflated entry, never past its declared size (checked against the limits before)
   * and never denser than LIMITS.maxCompressionRatio: a bomb may hide a dense start behind a
   * plausible declared size. zlib inflates only whole, so the density is checked on the
   * entry's beginnings first, each CHECK_GROWTH times longer than the last and inflated from
   * the start again: together they cost a seventh more than the whole, and a bomb is stopped
   * in the round where its density shows, having inflated at most that round's allowance.
   */
  private inflateWithinLimits(entry: ZipEntry, data: Uint8Array): Uint8Array {
    for (let packed = FIRST_CHECK_BYTES; ; packed *= CHECK_GROWTH) {
      const whole = packed >= data.length;
      const dense = Math.max(LIMITS.compressionRatioGraceBytes, Math.min(packed, data.length) * LIMITS.maxCompressionRatio);
      const cap = Math.max(1, Math.min(entry.declaredSize, dense));
      let inflated: Uint8Array;
      try {
        inflated = inflateRawSync(whole ? data : data.subarray(0, packed), {
          maxOutputLength: cap,
          // One output buffer with room to spare, never filled: zlib then neither asks for a
          // second nor copies the pieces together, which would hold the entry twice.
          chunkSize: Math.max(constants.Z_MIN_CHUNK, cap + 1),
          // A beginning ends mid-stream: what it inflates to is wanted, not an error.
          finishFlush: whole ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
        });
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'ERR_BUFFER_TOO_LARGE') {
          throw damagedFileError(this.file, `не удаётся распаковать часть «${entry.name}»`, { cause: error });
        }
        // Passing the declared size is enough to stop a forged entry: the declared size itself
        // was checked against the limits before inflating.
        throw entry.declaredSize <= dense ? biggerThanDeclared(this.file, entry) : tooDense(this.file);
      }
      // zlib takes no cap of 0: an entry declared empty is allowed one byte, and refused for it.
      if (inflated.length > entry.declaredSize) throw biggerThanDeclared(this.file, entry);
      if (whole) return inflated;
    }
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

function biggerThanDeclared(file: string, entry: ZipEntry): ImportFileError {
  return new ImportFileError(
    file,
    `${fileLabel(file)} повреждён или подделан: часть «${entry.name}» после распаковки больше заявленного размера; импорт остановлен`,
  );
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
