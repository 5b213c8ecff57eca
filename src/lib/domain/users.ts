/** What the console sends to administer users, checked in one place (zod). */
import { z } from 'zod';
import { requiredText } from './input';
import { ROLES } from './vocab';

const parkCodes = z.array(requiredText(40)).max(200);

export const newUserSchema = z.object({
	email: requiredText(200).refine((s) => /^[^@\s]+@[^@\s]+$/.test(s), { message: 'form.invalid_email' }),
	displayName: requiredText(100),
	role: z.enum(ROLES, { message: 'form.invalid' }),
	parkCodes: parkCodes.default([]),
	locale: z.enum(['zh-CN', 'en']).optional(),
	mode: z.enum(['invite', 'temporary']).default('invite')
});

export const userChangeSchema = z.object({
	displayName: requiredText(100).optional(),
	role: z.enum(ROLES, { message: 'form.invalid' }).optional(),
	parkCodes: parkCodes.optional(),
	active: z.boolean().optional()
});

export const resetSchema = z.object({ mode: z.enum(['invite', 'temporary']).default('invite') });
