import { createTranslator } from '../common/i18n';

const zh = {
  print: '打印',
  close: '关闭',
  loading: '正在准备打印内容…',
  badRoute: '打印地址不完整，请回到主持人控制台重新点击“预览 / 打印”。',
  hint: '请在打印对话框中选择 A4 纸、缩放 100%，不要勾选“页眉和页脚”。',
};

const en: Record<keyof typeof zh, string> = {
  print: 'Print',
  close: 'Close',
  loading: 'Preparing the sheet…',
  badRoute: 'This print address is incomplete: go back to the chair console and click "Preview / print" again.',
  hint: 'In the print dialog choose A4, scale 100 %, and leave "Headers and footers" unticked.',
};

/** The print page's toolbar texts (the sheets themselves are Chinese only). */
export const t = createTranslator(zh, en);
