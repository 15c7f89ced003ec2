/** Printing: sheets and PDFs (issue 6). */

export const printingInputs = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as print methods are added
export interface PrintingOutputs {}
