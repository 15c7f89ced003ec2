export function vitestSkips(report: unknown): string[];
export function playwrightSkips(report: unknown): string[];
export function summarize(input: { vitest: unknown; playwright: unknown; failedSteps?: number; playwrightExpected?: boolean; ci?: boolean }): {
  passed: number;
  failed: number;
  skipped: string[];
  notes: string[];
  line: string;
};
