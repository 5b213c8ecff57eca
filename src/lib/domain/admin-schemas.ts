/**
 * What administrators (and, for facilities and roads, promotion staff) write: parks, the
 * industry taxonomy, facilities, roads and targets. One zod schema per write, shared by the
 * console forms and the API; messages are i18n keys.
 */
import { z } from 'zod';
import { optionalText, requiredText, text } from './input';
import { polygonalGeometry, lonLat } from '../geo/geometry-schema';
import { FACILITY_KINDS, PARK_KINDS, ROAD_CLASSES, INDUSTRY_GROUPS } from './vocab';
import { siteCode } from './edit-schemas';

/** A taxonomy or park code: letters, digits, '-' and '_' (it appears in links and tiles). */
export const termCode = z
	.string()
	.trim()
	.regex(/^[A-Za-z0-9_-]{1,40}$/, { message: 'admin.bad_code' });

const names = { nameZh: requiredText(80), nameEn: requiredText(120) };
const version = z.number().int().positive();

// ------------------------------------------------------------------ parks

const parkFields = {
	...names,
	kind: z.enum(PARK_KINDS, { message: 'form.invalid' }),
	/** The parent park's code, for a park within a park. */
	parentCode: termCode.nullable().default(null),
	operatorZh: requiredText(120),
	operatorEn: requiredText(160),
	contactName: optionalText(80).nullable().default(null),
	contactPhone: optionalText(40).nullable().default(null),
	contactEmail: z
		.union([z.literal(''), z.email({ message: 'form.invalid_email' }).max(200)])
		.nullable()
		.default(null),
	profileZh: text(4000, { multiline: true }).default(''),
	profileEn: text(6000, { multiline: true }).default(''),
	/** Leading industries first: the park's industry positioning. */
	industries: z
		.array(z.object({ code: termCode, leading: z.boolean() }))
		.max(30)
		.default([]),
	chains: z.array(termCode).max(30).default([]),
	published: z.boolean().default(false)
};

const parentRule = (p: { kind: string; parentCode: string | null }) => (p.kind === 'park_in_park') === Boolean(p.parentCode);

export const parkCreateSchema = z
	.object({ code: termCode, ...parkFields, boundary: polygonalGeometry })
	.refine(parentRule, { message: 'admin.parent_rule', path: ['parentCode'] });
export type ParkCreate = z.infer<typeof parkCreateSchema>;

export const parkEditSchema = z
	.object({ version, ...parkFields, boundary: polygonalGeometry.optional() })
	.refine(parentRule, { message: 'admin.parent_rule', path: ['parentCode'] });
export type ParkEdit = z.infer<typeof parkEditSchema>;

// ------------------------------------------------------------------ taxonomy

export const industrySchema = z.object({ code: termCode, ...names, group: z.enum(INDUSTRY_GROUPS, { message: 'form.invalid' }) });
export const chainSchema = z.object({ code: termCode, ...names, industry: termCode });

/** A chain's links in order, upstream first; a link without a code is new. */
export const chainLinksSchema = z.object({
	links: z
		.array(z.object({ code: termCode.optional(), ...names }))
		.max(40)
		.refine((l) => new Set(l.filter((x) => x.code).map((x) => x.code)).size === l.filter((x) => x.code).length, { message: 'admin.duplicate_code' })
});

export const TERM_KINDS = ['industry', 'chain', 'link'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export const reorderSchema = z.object({ kind: z.enum(['industry', 'chain']), codes: z.array(termCode).min(1).max(500) });
export const mergeSchema = z.object({ into: termCode.nullable().default(null) });

// ------------------------------------------------------------------ facilities and roads

export const facilitySchema = z.object({
	...names,
	kind: z.enum(FACILITY_KINDS, { message: 'form.invalid' }),
	location: lonLat,
	published: z.boolean().default(true)
});
export const facilityCreateSchema = facilitySchema.extend({ code: siteCode });
export const facilityEditSchema = facilitySchema.extend({ version });
export type FacilityInput = z.infer<typeof facilitySchema>;

const roadLine = z.array(lonLat).min(2, { message: 'admin.road_too_short' }).max(5000, { message: 'geometry.too_many_vertices' });

export const roadSchema = z.object({
	nameZh: text(80).default(''),
	nameEn: text(120).default(''),
	roadClass: z.enum(ROAD_CLASSES, { message: 'form.invalid' }),
	oneway: z.boolean().default(false),
	speedKmh: z.number().int().min(5).max(130),
	coordinates: roadLine
});
export const roadEditSchema = roadSchema.extend({ version });
export type RoadInput = z.infer<typeof roadSchema>;

// ------------------------------------------------------------------ targets

const count = z.number().int().min(0).max(100_000).nullable();
const amount = z.number().min(0).max(1e12).nullable();

/** A park's targets for a year; null leaves a target unset. */
export const targetSchema = z.object({
	year: z.number().int().min(2000).max(2100),
	targetMu: amount,
	projectsToSign: count,
	fundsYi: amount,
	foreignCapitalUsd: amount,
	buildingsOver100m: count,
	buildingsOver50m: count
});
export type TargetInput = z.infer<typeof targetSchema>;
export const TARGET_FIELDS = ['targetMu', 'projectsToSign', 'fundsYi', 'foreignCapitalUsd', 'buildingsOver100m', 'buildingsOver50m'] as const;
