export const CHROMIUM_ARGS: string[];
export function findBrowser(options?: { install?: boolean }): string;
