import { randomBytes, createHash } from 'node:crypto';
import { CODE_ALPHABET } from '../../shared/codes/code-format';

/** A random id of 16 Crockford characters (80 bits): used for every row, so ids leak no order. */
export function newId(): string {
  let out = '';
  for (const byte of randomBytes(16)) out += CODE_ALPHABET.charAt(byte & 31);
  return out;
}

/** SHA-256 hex of a text. Codes are stored only as this hash. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
