export function checkSource(path: string, text: string, errorCodes: ReadonlySet<string>): string[];
export function catalogueCodes(root: string): Set<string>;
export function checkRepository(root: string): string[];
