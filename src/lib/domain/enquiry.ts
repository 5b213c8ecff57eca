/**
 * What an investor sends: an enquiry about a site, or a standing requirement. One zod
 * schema per form, used by the page's form action and the JSON API alike. Error
 * messages are message keys (see i18n `form.*`) so the form can say them in either language.
 */
import { z } from 'zod';
import { optionalText as optional, requiredText as required, text } from './input';

const PHONE = /^[+()\d\s-]{6,25}$/;

export const enquirySchema = z
	.object({
		siteKind: z.enum(['plot', 'building', 'park'], { message: 'form.invalid' }),
		siteCode: required(64),
		company: required(200),
		contactName: required(100),
		contactEmail: optional(200).refine((v) => v === undefined || z.email().safeParse(v).success, { message: 'form.email' }),
		contactPhone: optional(25).refine((v) => v === undefined || PHONE.test(v), { message: 'form.phone' }),
		industry: optional(64),
		// An empty field is no figure; anything else must read as a number ("abc" → "enter a number", not "not valid").
		spaceNeeded: z.preprocess(
			(v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim().replace(/,/g, '') : v),
			z.coerce
				.number({ message: 'form.number' })
				.refine((v) => Number.isFinite(v), { message: 'form.number' })
				.refine((v) => v > 0 && v < 1e8, { message: 'form.positive' })
				.optional()
		),
		spaceUnit: z.enum(['m2', 'mu']).default('m2'),
		message: text(2000, { multiline: true }).default(''),
		/** Honeypot: hidden from people, filled in by bots. */
		website: text(500).optional()
	})
	.refine((v) => v.contactEmail !== undefined || v.contactPhone !== undefined, {
		message: 'form.contact_needed',
		path: ['contactEmail']
	});

export type EnquiryInput = z.infer<typeof enquirySchema>;

export const requirementSchema = z.object({
	company: required(200),
	contactName: required(100),
	contactEmail: required(200).refine((v) => z.email().safeParse(v).success, { message: 'form.email' }),
	/** The finder's query string. */
	filters: text(4000).default(''),
	website: text(500).optional()
});

export type RequirementInput = z.infer<typeof requirementSchema>;

/** Field → message key, from a zod error. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		if (!out[field]) out[field] = issue.message.startsWith('form.') ? issue.message : 'form.invalid';
	}
	return out;
}
