/**
 * The tablet's words for what the tablet server refuses, in Chinese and English, from the code
 * and params of the refusal (shared/api/tablet-schemas.ts TabletError). Core writes no sentence
 * for these: the server puts the Chinese wording on the wire as `message` (for a tablet page of
 * another version, and for anyone reading the protocol), and the tablet words the code itself in
 * its own language. Pure (no DOM, no Vue), and small: it is part of the tablet's bundle.
 */
import { ballotIssueText, isBallotIssueCode } from '../domain/ballot-rules';
import type { TabletErrorCode, TabletErrorParams } from '../api/tablet-schemas';
import type { ErrorLocale } from './error-words';

/** Codes on the tablet's wire: the tablet codes, and a crash of the server ('internal'). */
export type TabletWireCode = TabletErrorCode | 'internal';

type Words = Record<TabletWireCode, (p: TabletErrorParams) => string>;

const zh: Words = {
  bad_request: (p) => (p.what === 'ballot' ? '选票格式有误。' : '请求格式有误。'),
  payload_too_large: () => '请求内容过大。',
  forbidden: () => '拒绝访问：请求来自未知的地址。',
  malformed_code: () => '评议码有误，请核对纸条上的字符后重新输入。',
  unknown_code: () => '没有这个评议码，请核对后重新输入，或向工作人员求助。',
  voided_code: () => '这个评议码已作废，请向工作人员领取新的评议码。',
  code_used: () => '这个评议码已经投过票了。',
  voting_not_open: () => '投票尚未开始，请等待主持人宣布开始。',
  voting_paused: () => '投票已暂停，请稍候，主持人恢复后即可提交。',
  voting_closed: () => '投票已经结束。',
  ballot_conflict: () => '这个评议码已经提交过一张不同的选票，不能再次提交。',
  invalid_ballot: (p) => `选票内容不完整或有误：${p.issue !== undefined && isBallotIssueCode(p.issue) ? ballotIssueText(p.issue, p, 'zh') : ''}`,
  too_many_attempts: () => '尝试次数过多，请稍等几分钟再试，或向工作人员求助。',
  storage_failed: () => '选票未能保存，请不要离开，稍后平板会自动重试；如持续失败请告知工作人员。',
  not_found: () => '没有这个地址。',
  internal: () => '服务器内部错误，请重试。',
};

const en: Words = {
  bad_request: (p) => (p.what === 'ballot' ? 'The ballot is not in the expected format.' : 'The request is not in the expected format.'),
  payload_too_large: () => 'The request is too large.',
  forbidden: () => 'Refused: the request comes from an unknown address.',
  malformed_code: () => 'The code is wrong. Check the characters on your slip and enter it again.',
  unknown_code: () => 'There is no such code. Check it and enter it again, or ask the staff.',
  voided_code: () => 'This code has been voided. Ask the staff for a new one.',
  code_used: () => 'This code has already voted.',
  voting_not_open: () => 'Voting has not started yet. Please wait for the chair to open it.',
  voting_paused: () => 'Voting is paused. Please wait: you can submit as soon as the chair resumes it.',
  voting_closed: () => 'Voting has ended.',
  ballot_conflict: () => 'A different ballot was already submitted with this code; it cannot be submitted again.',
  invalid_ballot: (p) => `The ballot is incomplete or wrong: ${p.issue !== undefined && isBallotIssueCode(p.issue) ? ballotIssueText(p.issue, p, 'en') : ''}`,
  too_many_attempts: () => 'Too many attempts. Please wait a few minutes and try again, or ask the staff.',
  storage_failed: () => 'The ballot could not be saved. Please stay: the tablet will retry shortly; tell the staff if it keeps failing.',
  not_found: () => 'There is no such address.',
  internal: () => 'Internal server error. Please try again.',
};

/** True when `code` is one the tablet server sends (a wording exists for it). */
export function isTabletWireCode(code: string): code is TabletWireCode {
  return Object.hasOwn(zh, code);
}

/** The sentence of a tablet refusal in `language`, from its code and params. */
export function tabletErrorText(code: TabletWireCode, params: TabletErrorParams | undefined, language: ErrorLocale): string {
  return (language === 'zh' ? zh : en)[code](params ?? {});
}
