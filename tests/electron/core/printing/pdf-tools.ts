/** poppler-utils around a PDF the host rendered: pages, text per page, PNGs to look at. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the base64 PDF to `dir/name.pdf`; returns the path. */
export function savePdf(dir: string, name: string, base64: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}

export function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? NaN);
}

/** `pdftotext -layout` of one page (1-based), or of the whole file. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}

/** Every page's text, in order. */
export function pagesText(file: string): string[] {
  return Array.from({ length: pageCount(file) }, (_, i) => pdfText(file, i + 1));
}

/** Dates and times vary from run to run: masked before comparing. */
export function maskDates(text: string): string {
  return text.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/g, 'YYYY-MM-DD hh:mm');
}

/** PNGs of every page at 60 dpi into PINGYI_PRINT_PNGS (when set), for a person to look at. */
export function pngsForLooking(file: string, name: string): void {
  const dir = process.env['PINGYI_PRINT_PNGS'];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', ['-r', '60', '-png', file, join(dir, name)]);
}

/** Whitespace-insensitive: pdftotext lays columns out with runs of spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
