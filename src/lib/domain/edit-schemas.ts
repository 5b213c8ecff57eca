/** What editors may change, validated the same way by the console forms and the API. */
import { z } from 'zod';
import { BUILDING_KINDS, DISPOSAL_METHODS, LAND_USES, READINESS_ITEMS, READINESS_LEVELS, SUPPLY_STATUSES, TAX_TIERS, UNIT_STATUSES } from './vocab';

const ratio = z.number().min(0).max(1).nullable();
const positive = z.number().positive().nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'form.invalid' }).nullable();

export const plotEditSchema = z
	.object({
		version: z.number().int().positive(),
		supplyStatus: z.enum(SUPPLY_STATUSES),
		landUse: z.enum(LAND_USES),
		plotRatioMin: z.number().min(0).max(20).nullable(),
		plotRatioMax: z.number().min(0).max(20).nullable(),
		buildingDensityMax: ratio,
		greenRatioMax: ratio,
		heightLimitM: positive,
		leaseTermYears: z.number().int().min(1).max(70).nullable(),
		priceWanPerMu: z.number().min(0).nullable(),
		readiness: z.enum(READINESS_LEVELS),
		readinessItems: z.array(z.enum(READINESS_ITEMS)).max(READINESS_ITEMS.length),
		isIdle: z.boolean(),
		isLowEfficiency: z.boolean(),
		disposalMethod: z.enum(DISPOSAL_METHODS).nullable(),
		disposalDeadline: isoDate,
		availableFrom: isoDate,
		notes: z.string().max(2000),
		published: z.boolean()
	})
	.refine((p) => p.plotRatioMin === null || p.plotRatioMax === null || p.plotRatioMin <= p.plotRatioMax, {
		message: 'edit.ratio_range',
		path: ['plotRatioMax']
	})
	.refine((p) => p.disposalMethod === null || p.isIdle || p.isLowEfficiency, { message: 'edit.disposal_needs_flag', path: ['disposalMethod'] });

export type PlotEdit = z.infer<typeof plotEditSchema>;

export const buildingEditSchema = z.object({
	version: z.number().int().positive(),
	kind: z.enum(BUILDING_KINDS),
	floors: z.number().int().min(1).max(200),
	rentYuanPerM2Day: z.number().min(0).nullable(),
	ownerName: z.string().trim().min(1).max(200),
	operatorName: z.string().trim().max(200).nullable(),
	businessFormats: z.array(z.string().trim().min(1).max(40)).max(12),
	taxTier: z.enum(TAX_TIERS),
	published: z.boolean()
});

export type BuildingEdit = z.infer<typeof buildingEditSchema>;

export const unitsEditSchema = z.object({
	version: z.number().int().positive(),
	units: z
		.array(
			z.object({
				id: z.number().int().positive(),
				status: z.enum(UNIT_STATUSES),
				areaM2: z.number().positive().max(1e6)
			})
		)
		.min(1)
		.max(5000)
});

export const boundaryEditSchema = z.object({
	version: z.number().int().positive(),
	geometry: z.object({
		type: z.enum(['Polygon', 'MultiPolygon']),
		coordinates: z.array(z.any()).min(1)
	})
});

export const confirmSchema = z.object({
	items: z.array(z.object({ kind: z.enum(['plot', 'building']), code: z.string().min(1).max(64) })).min(1).max(500)
});

export const restoreSchema = z.object({
	entity: z.enum(['plot', 'building']),
	code: z.string().min(1).max(64),
	auditId: z.number().int().positive(),
	version: z.number().int().positive()
});

/** One audited write of a record, as its history lists it. */
export interface HistoryEntry {
	id: number;
	at: string;
	action: string;
	user: string | null;
	before: unknown;
	after: unknown;
}
