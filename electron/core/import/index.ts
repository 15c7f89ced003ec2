/** Reading and writing the table files of a meeting's setup (objects, rosters) in CSV and .xlsx. */
export {
  readTable,
  writeTable,
  DEFAULT_MAX_BYTES,
  type ReadTable,
  type ReadTableOptions,
  type TableEncoding,
  type TableFormat,
  type WriteTableOptions,
} from './table-file';
export { parseCsv, formatCsv, detectDelimiter } from './csv';
