/** Retiring a record, or bringing it back: the version read, and which way. */
import { z } from 'zod';

export const retireChangeSchema = z.object({ version: z.number().int().positive(), retired: z.boolean() });
