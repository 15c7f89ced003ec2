/**
 * Makes a zip bomb in memory, shaped like an .xlsx (the workbook entries are there, so only the
 * size check can refuse it): one worksheet entry that declares `declared` bytes and inflates to
 * `inflated`. Streamed through zlib, so making it needs a few MB, not the inflated size.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { createDeflateRaw } from 'node:zlib';

interface Entry {
  readonly name: string;
  readonly data: Buffer;
  readonly declared: number;
  readonly crc: number;
}

function deflateStreamed(totalBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const deflate = createDeflateRaw({ level: 9 });
    const chunks: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
    deflate.on('end', () => resolve(Buffer.concat(chunks)));
    deflate.on('error', reject);
    const block = Buffer.alloc(1024 * 1024, 0x20);
    let left = totalBytes;
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, block.length);
        left -= n;
        if (!deflate.write(n === block.length ? block : block.subarray(0, n))) {
          deflate.once('drain', pump);
          return;
        }
      }
      deflate.end();
    };
    pump();
  });
}

function zip(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function small(name: string, text: string): Entry {
  const data = Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(data), declared: data.length, crc: crc32(data) };
}

/** An .xlsx-shaped bomb: the worksheet declares `declared` bytes and inflates to `inflated`. */
export async function makeXlsxBomb(options: { inflated: number; declared: number }): Promise<Buffer> {
  const sheet = await deflateStreamed(options.inflated);
  return zip([
    small('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    small('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>'),
    { name: 'xl/worksheets/sheet1.xml', data: sheet, declared: options.declared, crc: 0 },
  ]);
}
