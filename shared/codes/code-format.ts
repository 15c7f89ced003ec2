/**
 * Voting codes as printed on the slips: 12 Crockford base-32 characters (60 bits of entropy)
 * plus one Luhn mod 32 check character, shown as `ABCD-EFGH-JKMNP`. The check character lets
 * the tablet catch a typo (any single wrong character, most swapped neighbours) before it asks
 * the server, so a slip of the finger is not counted as a failed attempt.
 */
import type { Result } from '../domain/result';

/** Crockford's alphabet: no I, L, O, U, so nothing reads as another character. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_DATA_LENGTH = 12;
/** Bits of entropy of a code: 12 characters × 5 bits. */
export const CODE_ENTROPY_BITS = CODE_DATA_LENGTH * 5;
const BASE = CODE_ALPHABET.length;

function valueOf(char: string): number {
  return CODE_ALPHABET.indexOf(char);
}

/** Luhn mod N check character over a string of alphabet characters. */
export function checkCharacter(data: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = data.length - 1; i >= 0; i -= 1) {
    let addend = factor * valueOf(data.charAt(i));
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / BASE) + (addend % BASE);
    sum += addend;
  }
  return CODE_ALPHABET.charAt((BASE - (sum % BASE)) % BASE);
}

/** Encodes random bytes (at least 8) as a code: 12 data characters + the check character. */
export function codeFromRandomBytes(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new Error('codeFromRandomBytes needs at least 8 random bytes');
  let data = '';
  let bits = 0;
  let buffer = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && data.length < CODE_DATA_LENGTH) {
      bits -= 5;
      data += CODE_ALPHABET.charAt((buffer >> bits) & 31);
    }
    buffer &= (1 << bits) - 1;
    if (data.length === CODE_DATA_LENGTH) break;
  }
  return data + checkCharacter(data);
}

/** The printed form: ABCD-EFGH-JKMNP. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** What is wrong with a typed code. */
export type CodeProblem = 'length' | 'character' | 'check';

/** The code in canonical form, or what is wrong with it. */
export type CodeParse = Result<string, CodeProblem>;

/**
 * Reads what a person typed or a QR carried: case, spaces and dashes do not matter, O reads as
 * 0 and I/L as 1 (Crockford). Says whether the length, a character or the check is wrong.
 */
export function parseCode(input: string): CodeParse {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== CODE_DATA_LENGTH + 1) return { ok: false, error: 'length' };
  for (const char of cleaned) {
    if (valueOf(char) < 0) return { ok: false, error: 'character' };
  }
  const data = cleaned.slice(0, CODE_DATA_LENGTH);
  if (checkCharacter(data) !== cleaned.charAt(CODE_DATA_LENGTH)) return { ok: false, error: 'check' };
  return { ok: true, value: cleaned };
}

/** A receipt: 8 alphabet characters from random bytes, shown as ABCD-EFGH. Proves inclusion only. */
export function receiptFromRandomBytes(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    if (out.length === 8) break;
    out += CODE_ALPHABET.charAt(byte & 31);
  }
  if (out.length < 8) throw new Error('receiptFromRandomBytes needs at least 8 random bytes');
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}
