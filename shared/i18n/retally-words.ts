/**
 * The words for a re-tally's differences (shared/api/chair/results.ts RetallyDifference), in
 * Chinese and English: the console's re-tally panel words them in its language, the retally
 * command (electron/host/retally.ts) in Chinese. Core sends the facts, never a sentence.
 * Pure (no DOM, no Vue), like ./error-words.ts.
 */
import type { RetallyDifference, RetallyStanding } from '../api/chair/results';
import type { ErrorLocale } from './error-words';

function standingZh(s: RetallyStanding): string {
  return `名次 ${s.rank ?? '—'}，${s.score ?? '不完整'}${s.vetoed ? `，一票否决（${s.vetoReason ?? ''}）` : ''}`;
}

function standingEn(s: RetallyStanding): string {
  return `rank ${s.rank ?? '—'}, ${s.score ?? 'incomplete'}${s.vetoed ? `, vetoed (${s.vetoReason ?? ''})` : ''}`;
}

/** The sentence for one difference in `language`. */
export function retallyDifferenceWords(d: RetallyDifference, language: ErrorLocale): string {
  if (language === 'zh') {
    switch (d.kind) {
      case 'ballots':
        return `选票张数不同：文件 ${d.file} 张，系统 ${d.stored} 张。`;
      case 'only_in_file':
        return `“${d.name}”在文件中，但系统中这场会议没有这个评议对象。`;
      case 'only_stored':
        return `“${d.name}”在系统中，但文件中没有。`;
      case 'standing':
        return `“${d.name}”：文件 ${standingZh(d.file)}；系统 ${standingZh(d.stored)}。`;
    }
  }
  switch (d.kind) {
    case 'ballots':
      return `The ballot counts differ: ${d.file} in the file, ${d.stored} in the system.`;
    case 'only_in_file':
      return `"${d.name}" is in the file, but this meeting in the system has no such object.`;
    case 'only_stored':
      return `"${d.name}" is in the system but not in the file.`;
    case 'standing':
      return `"${d.name}": file ${standingEn(d.file)}; system ${standingEn(d.stored)}.`;
  }
}
