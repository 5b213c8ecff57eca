/**
 * The options of an import run as the console and API send them, checked in one place: the
 * layer, park, CRS override (an EPSG code), encoding, consumer-map shift, seven parameters,
 * the field mapping, the area unit and what to do on commit.
 */
import { z } from 'zod';
import { optionalText, text } from '../input';
import { IMPORT_LAYERS } from './targets';

const fallback = z.union([text(200), z.number().finite(), z.boolean(), z.null()]);

export const importOptionsSchema = z.object({
	layer: z.enum(IMPORT_LAYERS, { message: 'form.invalid' }),
	parkCode: z.preprocess((v) => v ?? undefined, optionalText(40)),
	crs: z
		.string()
		.trim()
		.regex(/^((EPSG|epsg):)?\d{4,6}$/, { message: 'form.invalid' })
		.nullish(),
	encoding: z
		.string()
		.trim()
		.regex(/^[\w\s-]{1,20}$/, { message: 'form.invalid' })
		.nullish(),
	shift: z.enum(['none', 'gcj02', 'bd09']).optional(),
	sevenParams: z.array(z.number().finite()).length(7, { message: 'form.invalid' }).nullish(),
	mapping: z
		.record(
			z.string().max(40),
			z.object({
				column: text(200).nullable(),
				fallback: fallback.optional()
			})
		)
		.nullish(),
	areaUnit: z.enum(['m2', 'ha', 'mu']).nullish(),
	publish: z.boolean().optional(),
	skipProblems: z.boolean().optional(),
	/** Roads only: the file is the whole network — roads not in it are deleted (undo puts them back). */
	replaceRoads: z.boolean().optional()
});
