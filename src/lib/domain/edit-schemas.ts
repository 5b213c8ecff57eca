/** What editors may change, validated the same way by the console forms and the API. */
import { z } from 'zod';
import { isoDate, requiredText, text } from './input';
import { polygonalGeometry } from '../geo/geometry-schema';
import { BUILDING_KINDS, DISPOSAL_METHODS, LAND_USES, READINESS_ITEMS, READINESS_LEVELS, SUPPLY_STATUSES, TAX_TIERS, UNIT_STATUSES } from './vocab';

const ratio = z.number().min(0).max(1).nullable();
const positive = z.number().positive().nullable();
/** A record's code as stored (地块编号, building codes): letters, digits, '-' and '_'. */
export const siteCode = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'form.invalid' });

/** A plot's editable attributes. */
const plotFields = z.object({
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
	disposalDeadline: isoDate().nullable(),
	availableFrom: isoDate().nullable(),
	notes: text(2000, { multiline: true }),
	published: z.boolean()
});

type PlotRules = { plotRatioMin: number | null; plotRatioMax: number | null; disposalMethod: string | null; isIdle: boolean; isLowEfficiency: boolean };
const plotRules = <T extends z.ZodType<PlotRules>>(schema: T) =>
	schema
		.refine((p) => p.plotRatioMin === null || p.plotRatioMax === null || p.plotRatioMin <= p.plotRatioMax, {
			message: 'edit.ratio_range',
			path: ['plotRatioMax']
		})
		.refine((p) => p.disposalMethod === null || p.isIdle || p.isLowEfficiency, { message: 'edit.disposal_needs_flag', path: ['disposalMethod'] });

const plotEditObject = plotFields.extend({ version: z.number().int().positive() });
export const plotEditSchema = plotRules(plotEditObject);

/**
 * A plot's attributes before anyone has set them: on offer, industrial, raw, nothing else known,
 * unpublished; not idle (only a land case decides that). A new plot starts from these.
 */
export const blankPlotAttributes = (): Omit<PlotEdit, 'version'> => ({
	supplyStatus: 'available',
	landUse: 'industrial',
	plotRatioMin: null,
	plotRatioMax: null,
	buildingDensityMax: null,
	greenRatioMax: null,
	heightLimitM: null,
	leaseTermYears: null,
	priceWanPerMu: null,
	readiness: 'raw',
	readinessItems: [],
	isIdle: false,
	isLowEfficiency: false,
	disposalMethod: null,
	disposalDeadline: null,
	availableFrom: null,
	notes: '',
	published: false
});

/** A new plot drawn on the map: its code (地块编号), boundary and attributes; its park is the request's scope. */
export const plotCreateSchema = plotRules(plotFields.extend({ code: siteCode, boundary: polygonalGeometry, ownerName: text(200).nullable().default(null) }));
export type PlotCreate = z.infer<typeof plotCreateSchema>;

export type PlotEdit = z.infer<typeof plotEditSchema>;

/** The fields of a plot an editor changes (all of the edit but its version), in form order. */
export const PLOT_EDIT_FIELDS = Object.keys(plotEditObject.shape).filter((k) => k !== 'version') as Exclude<keyof PlotEdit, 'version'>[];

/** An edit that leaves a plot as it is (its state as read, at its version), for changing one field. */
export function plotEditOf(state: Pick<PlotEdit, 'version'> & Record<string, unknown>, changes: Partial<PlotEdit> = {}): PlotEdit {
	const fields = Object.fromEntries(PLOT_EDIT_FIELDS.map((k) => [k, state[k]]));
	return { ...fields, version: state.version, ...changes } as PlotEdit;
}

const buildingFields = z.object({
	kind: z.enum(BUILDING_KINDS),
	floors: z.number().int().min(1).max(200),
	rentYuanPerM2Day: z.number().min(0).nullable(),
	ownerName: requiredText(200),
	operatorName: text(200).nullable(),
	businessFormats: z.array(requiredText(40)).max(12),
	taxTier: z.enum(TAX_TIERS),
	/** The tenants' annual tax (万元); when given, the tier follows from it. Left out: kept as it is. */
	annualTaxWan: z.number().min(0).max(1e8).nullable().optional(),
	/** The officer in charge (楼长). Left out: kept as it is. */
	managerName: text(80).nullable().optional(),
	managerPhone: text(40).nullable().optional(),
	published: z.boolean()
});
export const buildingEditSchema = buildingFields.extend({ version: z.number().int().positive() });

/** A new building drawn on the map: code, names, footprint and areas besides the attributes. */
export const buildingCreateSchema = buildingFields
	.extend({
		code: siteCode,
		nameZh: requiredText(80),
		nameEn: requiredText(120),
		footprint: polygonalGeometry,
		grossAreaM2: z.number().positive().max(1e7),
		leasableAreaM2: z.number().positive().max(1e7)
	})
	.refine((b) => b.leasableAreaM2 <= b.grossAreaM2, { message: 'edit.leasable_over_gross', path: ['leasableAreaM2'] });
export type BuildingCreate = z.infer<typeof buildingCreateSchema>;

/** Retiring or restoring a record: the version read. */
export const retireSchema = z.object({ version: z.number().int().positive() });

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
	geometry: polygonalGeometry
});

export const confirmSchema = z.object({
	items: z
		.array(z.object({ kind: z.enum(['plot', 'building']), code: siteCode }))
		.min(1)
		.max(500)
});

export const restoreSchema = z.object({
	entity: z.enum(['plot', 'building']),
	code: siteCode,
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
