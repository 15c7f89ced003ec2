export function importsOf(text: string): string[];
export function checkFile(file: string, text: string): string[];
export function checkRepository(root: string): string[];
