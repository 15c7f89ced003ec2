import { createTranslator } from '../../common/i18n';
import { sheetMessages } from '../../../shared/print/sheets';

const zh = {
  tabPrinting: '打印',
  printing: '打印与 PDF',
  printingHint: '所有表格均为 A4 纸。预览与 PDF 使用同一版式，打印前请先预览核对。',
  ...sheetMessages('zh'),
  preview: '预览 / 打印',
  pdf: '下载 PDF',
  slipsFromVoting: '请到“投票”页面点击“打印评议码条”。',
  savedTo: 'PDF 已保存：{path}',
  downloaded: '已下载 {name}（{pages} 页）',
  popupBlocked: '浏览器阻止了打印窗口，请允许本页面打开新窗口后重试。',
  printSlips: '打印评议码条',
  slipsPdf: '评议码条 PDF',
};

const en: Record<keyof typeof zh, string> = {
  tabPrinting: 'Print',
  printing: 'Printing and PDF',
  printingHint: 'Every sheet is A4. Preview and PDF use the same layout: check the preview before printing.',
  ...sheetMessages('en'),
  preview: 'Preview / print',
  pdf: 'Download PDF',
  slipsFromVoting: 'Use "Print code slips" on the Voting tab.',
  savedTo: 'PDF saved: {path}',
  downloaded: 'Downloaded {name} ({pages} pages)',
  popupBlocked: 'The browser blocked the print window: allow this page to open windows and try again.',
  printSlips: 'Print code slips',
  slipsPdf: 'Code slips PDF',
};

/** The printing area's texts. */
export const tp = createTranslator(zh, en);
