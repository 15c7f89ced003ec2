/**
 * The meeting key's sealing (store/meeting-keys.ts): what seal writes opens to the same plaintext, every value of a bucket seals to the same length whatever it says, and a
 * changed byte or another purpose (associated data) is refused. Keys from a real key file.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { MeetingKeys } from '../../../../electron/core/store/meeting-keys';
import { tempDir } from '../../../support/running-host';

const key = new MeetingKeys(join(tempDir(), 'p.sqlite')).ensure('m1');

describe('MeetingKey', () => {
  it('opens what seal wrote, a text with Chinese and the empty text included', () => {
    for (const text of ['', '{"answers":{}}', '评议：满意', 'x'.repeat(5000)]) {
      expect(key.open(key.seal(Buffer.from(text, 'utf8'), 1024, 'aad'), 'aad').toString('utf8')).toBe(text);
    }
  });

  it('seals a string as its UTF-8 bytes, padded with zeros, whatever the memory it was written into held', () => {
    for (const text of ['', '{"answers":{}}', '评议：满意', '\ud800 lone', 'y'.repeat(3000)]) {
      // Fill the allocator's recent memory with non-zero bytes first: the padding must not show any of it.
      Buffer.allocUnsafe(8192).fill(0xaa);
      const opened = key.open(key.seal(text, 4096, 'aad'), 'aad');
      expect(opened.equals(Buffer.from(text, 'utf8'))).toBe(true);
      // open() returns the plaintext inside the padded buffer: the bytes after it are the padding.
      const padding = Buffer.from(opened.buffer, opened.byteOffset + opened.length, 4096 - 4 - opened.length);
      expect(padding.every((byte) => byte === 0)).toBe(true);
    }
  });

  it('seals every value of a bucket to one length, and a longer one to whole buckets', () => {
    const lengths = new Set(['', 'a', '评'.repeat(300), 'z'.repeat(1020)].map((t) => key.seal(Buffer.from(t, 'utf8'), 1024, 'aad').length));
    expect([...lengths]).toEqual([12 + 16 + 1024]);
    expect(key.seal(Buffer.from('z'.repeat(1021)), 1024, 'aad').length).toBe(12 + 16 + 2048);
  });

  it('refuses a changed byte anywhere, and another purpose', () => {
    const sealed = key.seal(Buffer.from('满意', 'utf8'), 128, 'pingyi-ballot:m1');
    for (const at of [0, 12, 28, sealed.length - 1]) {
      const changed = Buffer.from(sealed);
      changed[at] = (changed[at] ?? 0) ^ 1;
      expect(() => key.open(changed, 'pingyi-ballot:m1')).toThrow();
    }
    expect(() => key.open(sealed, 'pingyi-ballot:m2')).toThrow();
  });
});
