/**
 * Just enough of the ZIP format to tell an Excel workbook from a Word document or a zip bomb
 * before handing the bytes to exceljs: the entry names and sizes of the central directory, and
 * what the entries really inflate to (a bomb declares 1 KB and inflates to gigabytes).
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** 0 stored, 8 deflate; anything else is refused before inflating. */
  readonly method: number;
  readonly localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

/** True when the bytes start like a ZIP file (local file header "PK\x03\x04"). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The entries of the central directory, or undefined when it cannot be found or read (a truncated file). */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) return undefined;
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return undefined;
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    const localHeaderOffset = view.getUint32(offset + 42, true);
    entries.push({ name, compressedSize, uncompressedSize, method, localHeaderOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Whether an ASCII string occurs in the bytes (entry names are stored uncompressed in local headers too). */
export function containsAscii(bytes: Uint8Array, text: string): boolean {
  const needle = Array.from(text, (c) => c.charCodeAt(0));
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first ?? 0); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first ?? 0, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const LOCAL_SIGNATURE = 0x04034b50;

/**
 * Inflates every entry, counting what actually comes out, and stops as soon as the total passes
 * `limit`: the total in bytes, 'too_large' past the limit, or 'unreadable' for an entry that
 * cannot be read (unknown method, ZIP64, broken data). Memory stays within about `limit` and
 * time within what inflating `limit` bytes takes, whatever the entries declare.
 */
export function inflatedSize(bytes: Uint8Array, entries: readonly ZipEntry[], limit: number): number | 'too_large' | 'unreadable' {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (entry.compressedSize === 0xffffffff || at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) return 'unreadable';
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
    if (entry.method === 0) total += data.length;
    else if (entry.method === 8) {
      const room = limit - total;
      if (room <= 0) return 'too_large';
      try {
        // maxOutputLength makes zlib stop instead of allocating whatever the data asks for.
        total += inflateRawSync(data, { maxOutputLength: room }).length;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : 'unreadable';
      }
    } else return 'unreadable';
    if (total > limit) return 'too_large';
  }
  return total;
}
