/** Meeting setup: campaigns, rounds, objects, indicator sets, rosters, settings (issue 3). */

export const setupInputs = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as setup methods are added
export interface SetupOutputs {}
