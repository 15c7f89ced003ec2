/** Building blocks of the chair contract's input schemas. */
import { z } from 'zod';

export const id = z.string().min(1).max(64);
export const meetingRef = z.strictObject({ meetingId: id });
export const empty = z.strictObject({});
