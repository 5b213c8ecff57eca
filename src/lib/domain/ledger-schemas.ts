/**
 * The ledgers' inputs, one zod schema each: what staff send to move a land case on, a sold
 * plot's supervision facts, the thresholds admins set, and the boards' filters in the address.
 */
import { z } from 'zod';
import { idParam, isoDate, pageParam, requiredText, searchParam, text } from './input';
import { BUILDING_KINDS, DISPOSAL_METHODS, TAX_TIERS } from './vocab';
import { CASE_KINDS, CASE_STAGES } from './idle-cases';
import { siteCode } from './edit-schemas';

const version = z.number().int().positive();
const step = z.object({ text: requiredText(200), done: z.boolean() });

export const caseActionSchema = z.discriminatedUnion('action', [
	z.object({ action: z.literal('investigate'), version, note: text(500).default('') }),
	/** 认定: the day it was decided and the reason, as the decision records them. */
	z.object({ action: z.literal('confirm'), version, decidedOn: isoDate(), decision: requiredText(1000) }),
	z.object({ action: z.literal('dismiss'), version, decidedOn: isoDate(), decision: requiredText(1000) }),
	/** The disposal: method, the officer responsible, the deadline and the steps (sent again to update them). */
	z.object({
		action: z.literal('dispose'),
		version,
		method: z.enum(DISPOSAL_METHODS, { message: 'form.required' }),
		officer: requiredText(80),
		deadline: isoDate(),
		steps: z.array(step).max(30).default([])
	}),
	z.object({ action: z.literal('complete'), version, completedOn: isoDate(), outcome: requiredText(1000) })
]);
export type CaseActionInput = z.infer<typeof caseActionSchema>;

const threshold = z.number({ message: 'form.invalid' }).min(0, { message: 'form.invalid' }).max(1e6, { message: 'form.invalid' }).nullable();

/** 亩均税收 and 亩均产值 floors (万元/亩/年), for the zone and each park (null: not set; a park's unset one takes the zone's). */
export const thresholdsSchema = z.object({
	zone: z.object({ taxPerMuWan: threshold, outputPerMuWan: threshold }),
	parks: z
		.array(z.object({ park: z.string().min(1).max(64), taxPerMuWan: threshold, outputPerMuWan: threshold }))
		.max(500)
		.default([])
});
export type ThresholdsInput = z.infer<typeof thresholdsSchema>;

const share = z.number({ message: 'form.invalid' }).min(0, { message: 'form.invalid' }).max(1, { message: 'form.invalid' }).nullable();
const wan = z.number({ message: 'form.invalid' }).min(0, { message: 'form.invalid' }).max(1e9, { message: 'form.invalid' }).nullable();

/**
 * A sold plot's supervision facts (供后监管): the contract, the agreed and actual start, how much
 * is built and invested, since when work has stopped, the land price, and tax and output per 亩.
 */
export const landFactsSchema = z
	.object({
		version,
		contractDate: isoDate().nullable(),
		agreedStartDate: isoDate().nullable(),
		startedOn: isoDate().nullable(),
		builtRatio: share,
		investedRatio: share,
		stoppedSince: isoDate().nullable(),
		landPriceWan: wan,
		taxPerMuWan: wan,
		outputPerMuWan: wan
	})
	.superRefine((f, ctx) => {
		if (f.contractDate && f.agreedStartDate && f.agreedStartDate < f.contractDate)
			ctx.addIssue({ code: 'custom', path: ['agreedStartDate'], message: 'land.start_before_contract' });
		if (f.stoppedSince && !f.startedOn) ctx.addIssue({ code: 'custom', path: ['stoppedSince'], message: 'land.stopped_not_started' });
		if (f.stoppedSince && f.startedOn && f.stoppedSince < f.startedOn)
			ctx.addIssue({ code: 'custom', path: ['stoppedSince'], message: 'land.stopped_before_start' });
	});
export type LandFactsInput = z.infer<typeof landFactsSchema>;
export const LAND_FACT_FIELDS = [
	'contractDate',
	'agreedStartDate',
	'startedOn',
	'builtRatio',
	'investedRatio',
	'stoppedSince',
	'landPriceWan',
	'taxPerMuWan',
	'outputPerMuWan'
] as const;

const page = pageParam;
const search = searchParam;

/** The disposal board's address: year (this year when absent), park, stage (or every open one), kind, deadline alert, search, page. */
export const boardFilterSchema = z.object({
	year: z.coerce
		.number({ message: 'form.invalid' })
		.int({ message: 'form.invalid' })
		.min(2000, { message: 'form.invalid' })
		.max(2100, { message: 'form.invalid' })
		.default(() => new Date().getFullYear()),
	park: siteCode.nullable().default(null),
	stage: z
		.enum([...CASE_STAGES, 'open'], { message: 'form.invalid' })
		.nullable()
		.default(null),
	kind: z.enum(CASE_KINDS, { message: 'form.invalid' }).nullable().default(null),
	due: z.enum(['overdue', 'soon'], { message: 'form.invalid' }).nullable().default(null),
	q: search,
	page
});
export type BoardFilters = z.infer<typeof boardFilterSchema>;

/** How the building list sorts: by name, park, type, areas, occupancy, rent, tenants, tax, tax per m². */
export const ECONOMY_SORTS = ['name', 'park', 'kind', 'gross', 'vacant', 'occupancy', 'rent', 'tenants', 'tax', 'tax_m2'] as const;

/** The building list's address: park, type, tax band, search, long-term vacancy only (`flag=vacancy`), sort and direction, page. */
export const economyFilterSchema = z
	.object({
		park: siteCode.nullable().default(null),
		kind: z.enum(BUILDING_KINDS, { message: 'form.invalid' }).nullable().default(null),
		tier: z.enum(TAX_TIERS, { message: 'form.invalid' }).nullable().default(null),
		q: search,
		flag: z.literal('vacancy', { message: 'form.invalid' }).optional(),
		sort: z.enum(ECONOMY_SORTS, { message: 'form.invalid' }).default('gross'),
		dir: z.enum(['asc', 'desc'], { message: 'form.invalid' }).default('desc'),
		page
	})
	.transform(({ flag, ...f }) => ({ ...f, highVacancy: flag === 'vacancy' }));
export type EconomyFilters = z.infer<typeof economyFilterSchema>;
export type EconomySort = (typeof ECONOMY_SORTS)[number];

/** A land case's number in an address. */
export const caseIdSchema = idParam;
