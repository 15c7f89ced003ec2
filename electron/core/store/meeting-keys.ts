/**
 * The per-meeting key that seals everything voting writes (ballot content, code→receipt links,
 * code tokens), each in its own small file `keys/<meetingId>.key` beside the database. Close
 * destroys the file once the ballots are rewritten in the clear, so the WAL frames and freed
 * blocks left from voting become ciphertext nobody can read (docs/anonymity.md).
 *
 * Keys are read once and kept in memory: the ballot hot path never touches the file.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Meeting ids are our own random ids; anything else is never used as a file name. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** fsync of a folder, so that a created or removed entry is itself durable. */
export function fsyncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** One meeting's key in memory, with the operations voting needs. */
export class MeetingKey {
  constructor(private readonly key: Buffer) {}

  /**
   * AES-256-GCM; the plaintext is padded with zeros to `bucket` bytes so the length says nothing.
   * A string is sealed as UTF-8, written straight into the padded buffer: a ballot's text is
   * ≈ 10 KB, and encoding it to a Buffer first, then copying it, then concatenating the sealed
   * parts twice cost the ballot path ≈ 8 µs more per ballot (docs/performance.md, change 20).
   */
  seal(plain: Buffer | string, bucket: number, aad: string): Buffer {
    const length = typeof plain === 'string' ? Buffer.byteLength(plain, 'utf8') : plain.length;
    const size = Math.max(bucket, roundUp(length + 4, bucket));
    // Every byte is written below: the length, the plaintext, and zeros after it.
    const padded = Buffer.allocUnsafe(size);
    padded.writeUInt32BE(length, 0);
    if (typeof plain === 'string') padded.write(plain, 4, 'utf8');
    else plain.copy(padded, 4);
    padded.fill(0, 4 + length);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = cipher.update(padded);
    const rest = cipher.final();
    const sealed = Buffer.allocUnsafe(IV_BYTES + TAG_BYTES + body.length + rest.length);
    iv.copy(sealed, 0);
    cipher.getAuthTag().copy(sealed, IV_BYTES);
    body.copy(sealed, IV_BYTES + TAG_BYTES);
    rest.copy(sealed, IV_BYTES + TAG_BYTES + body.length);
    return sealed;
  }

  /** The plaintext, or throws when the ciphertext was altered or sealed for another purpose. */
  open(sealed: Buffer, aad: string): Buffer {
    const iv = sealed.subarray(0, IV_BYTES);
    const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    const padded = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    const length = padded.readUInt32BE(0);
    if (length > padded.length - 4) throw new Error('sealed value has a bad length');
    return padded.subarray(4, 4 + length);
  }

  /** A keyed hash: what is stored instead of a code or a submission key while voting is open. */
  token(purpose: string, text: string): string {
    return createHmac('sha256', this.key).update(`${purpose}:${text}`, 'utf8').digest('hex');
  }
}

function roundUp(n: number, step: number): number {
  return Math.ceil(n / step) * step;
}

/** The key files of one data folder, and the keys read from them. */
export class MeetingKeys {
  private readonly loaded = new Map<string, MeetingKey>();
  readonly folder: string;

  constructor(databaseFile: string) {
    this.folder = join(dirname(databaseFile), 'keys');
  }

  private file(meetingId: string): string {
    if (!SAFE_ID.test(meetingId)) throw new Error('meeting id is not usable as a key file name');
    return join(this.folder, `${meetingId}.key`);
  }

  /** The meeting's key, or null when it has none (never had one, or close destroyed it). */
  get(meetingId: string): MeetingKey | null {
    const kept = this.loaded.get(meetingId);
    if (kept) return kept;
    const file = this.file(meetingId);
    if (!existsSync(file)) return null;
    const bytes = readFileSync(file);
    if (bytes.length !== KEY_BYTES) throw new Error(`key file of meeting ${meetingId} is damaged (${bytes.length} bytes)`);
    const key = new MeetingKey(bytes);
    this.loaded.set(meetingId, key);
    return key;
  }

  /** The meeting's key, made (and durably written) on first need. */
  ensure(meetingId: string): MeetingKey {
    const existing = this.get(meetingId);
    if (existing) return existing;
    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    const bytes = randomBytes(KEY_BYTES);
    const file = this.file(meetingId);
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    fsyncFolder(this.folder);
    const key = new MeetingKey(bytes);
    this.loaded.set(meetingId, key);
    return key;
  }

  /**
   * Drops the copy in memory, leaving the file alone: another connection (the ballot writer's
   * thread) forgets a key that close destroyed through the main connection.
   */
  forget(meetingId: string): void {
    this.loaded.delete(meetingId);
  }

  /** Meetings that have a key file now. */
  meetingsWithKeys(): string[] {
    if (!existsSync(this.folder)) return [];
    return readdirSync(this.folder)
      .filter((name) => name.endsWith('.key'))
      .map((name) => name.slice(0, -'.key'.length));
  }

  /**
   * Overwrites the key file with random bytes, flushes, unlinks it and flushes the folder: an
   * ext4 unlink alone leaves the key in a freed block. Safe to repeat.
   */
  destroy(meetingId: string): void {
    this.loaded.delete(meetingId);
    const file = this.file(meetingId);
    if (!existsSync(file)) return;
    const fd = openSync(file, 'r+');
    try {
      writeSync(fd, randomBytes(KEY_BYTES), 0, KEY_BYTES, 0);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    unlinkSync(file);
    fsyncFolder(this.folder);
  }
}

const perConnection = new WeakMap<object, MeetingKeys>();

/** The key folder beside the store's database file (one per connection, so keys stay in memory). */
export function meetingKeys(store: { readonly db: object; readonly file: string }): MeetingKeys {
  let keys = perConnection.get(store.db);
  if (!keys) perConnection.set(store.db, (keys = new MeetingKeys(store.file)));
  return keys;
}
