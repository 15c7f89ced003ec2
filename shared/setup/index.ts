/** Setting a meeting up: importing objects and rosters, checking the roster's composition and the indicator weights. */
export * from './table';
export { matchColumns, type FieldSpec, type ColumnMap } from './columns';
export * from './objects';
export * from './roster';
export * from './composition';
export * from './weights';
