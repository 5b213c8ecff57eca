/** A tour as staff edit it; validated by the (coming) editor and the API alike. */
import { z } from 'zod';

export const tourStopSchema = z.object({
	siteKind: z.enum(['plot', 'building', 'facility', 'point']),
	code: z.string().max(64).nullable(),
	location: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
	label: z.string().trim().min(1).max(200),
	dwellMin: z.number().int().min(0).max(600),
	notes: z.string().max(1000).default('')
});

export const tourSchema = z.object({
	title: z.string().trim().min(1).max(200),
	delegationOrg: z.string().trim().max(200).default(''),
	delegationSize: z.number().int().positive().max(10_000).nullable().default(null),
	tourDate: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/)
		.nullable()
		.default(null),
	startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('09:00'),
	stops: z.array(tourStopSchema).min(2).max(30)
});

export type TourInput = z.infer<typeof tourSchema>;
