/**
 * What a person types from a slip: Crockford's readings (O as 0, I and L as 1, any case, spaces
 * and dashes) are accepted as the same code, and any single wrong character is caught by the
 * check character, before the tablet asks the server. Exhaustive over positions × alphabet.
 */
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_DATA_LENGTH, checkCharacter, codeFromRandomBytes, formatCode, parseCode } from '../../../shared/codes/code-format';
import { seededRandom, testSeed } from '../../support/seed';

/** Codes from seeded bytes (the product draws them from the CSPRNG; here we need them replayable). */
function sampleCodes(seed: number, count: number): string[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => codeFromRandomBytes(Uint8Array.from({ length: 8 }, () => Math.floor(next() * 256))));
}

describe('typing a code', () => {
  it('reads O as 0 and I or L as 1, in any case, with spaces, dashes, dots or underscores anywhere', () => {
    const seed = testSeed();
    const withDigits = sampleCodes(seed, 2000).filter((c) => /[01]/.test(c)).slice(0, 200);
    expect(withDigits.length).toBe(200);
    for (const code of withDigits) {
      const misread = code.replace(/0/g, 'O').replace(/1/g, (_, i: number) => (i % 2 ? 'I' : 'L'));
      expect(misread).not.toBe(code);
      for (const typed of [misread, misread.toLowerCase(), formatCode(misread), ` ${formatCode(misread).toLowerCase().replace(/-/g, ' ')} `, misread.split('').join('.'), `${misread.slice(0, 6)}_${misread.slice(6)}`]) {
        expect(parseCode(typed), typed).toEqual({ ok: true, value: code });
      }
    }
    // Every letter reading, alone: O→0, I→1, L→1, lower case too.
    const zero = sampleCodes(seed + 1, 5000).find((c) => c.includes('0') && c.includes('1')) ?? '';
    for (const [from, to] of [['O', '0'], ['o', '0'], ['I', '1'], ['i', '1'], ['L', '1'], ['l', '1']] as const) {
      const typed = zero.replace(to, from);
      expect(parseCode(typed), typed).toEqual({ ok: true, value: zero });
    }
  });

  it('catches any single wrong character: every position × every other character of the alphabet, on 100 codes', () => {
    const seed = testSeed();
    let tried = 0;
    for (const code of sampleCodes(seed, 100)) {
      expect(parseCode(code)).toEqual({ ok: true, value: code });
      for (let position = 0; position <= CODE_DATA_LENGTH; position += 1) {
        for (const char of CODE_ALPHABET) {
          if (char === code.charAt(position)) continue;
          const typed = code.slice(0, position) + char + code.slice(position + 1);
          const parsed = parseCode(typed);
          tried += 1;
          if (parsed.ok) throw new Error(`seed ${seed}: ${typed} (position ${position} of ${code} changed to ${char}) was accepted`);
          expect(parsed.error).toBe('check');
        }
      }
    }
    expect(tried).toBe(100 * 13 * 31);
  });

  it('says which is wrong: the length, a character outside the alphabet (U), or the check', () => {
    const [code = ''] = sampleCodes(7, 1);
    expect(parseCode(code.slice(0, 12))).toEqual({ ok: false, error: 'length' });
    expect(parseCode(`${code}0`)).toEqual({ ok: false, error: 'length' });
    expect(parseCode(`U${code.slice(1)}`)).toEqual({ ok: false, error: 'character' });
    const wrongCheck = code.slice(0, 12) + CODE_ALPHABET.charAt((CODE_ALPHABET.indexOf(checkCharacter(code.slice(0, 12))) + 1) % 32);
    expect(parseCode(wrongCheck)).toEqual({ ok: false, error: 'check' });
  });
});
