/**
 * The pipeline's inputs, one zod schema each: an enquiry's move, note, owner and message; a
 * project's facts, stage move, weekly update and problems; the 招商目录; a proposal; and the
 * lists' filters in the address. Messages are i18n keys (`form.*`, `pipeline.*`).
 */
import { z } from 'zod';
import { idParam, isoDate, pageParam, requiredText, searchParam, text } from './input';
import { siteCode } from './edit-schemas';
import { ENQUIRY_LOST_REASONS, ENQUIRY_STATUSES, PROJECT_STAGES, TARGET_FIRM_STATUSES } from './vocab';
import { WARNINGS } from './pipeline';

const version = z.number({ message: 'form.invalid' }).int().positive();
const linkCode = z.string().regex(/^[a-z0-9_]{1,64}$/, { message: 'form.invalid' });
const wan = z.number({ message: 'form.invalid' }).min(0, { message: 'form.invalid' }).max(1e9, { message: 'form.invalid' }).nullable();

// ------------------------------------------------------------------ enquiries

/** A move of the enquiry's status (a lost one says why); an owner; a note; a message to the sender. */
export const enquiryActionSchema = z.discriminatedUnion('action', [
	z
		.object({
			action: z.literal('move'),
			version,
			to: z.enum(ENQUIRY_STATUSES, { message: 'form.invalid' }),
			lostReason: z.enum(ENQUIRY_LOST_REASONS, { message: 'form.required' }).nullable().default(null)
		})
		.superRefine((m, ctx) => {
			if (m.to === 'lost' && !m.lostReason) ctx.addIssue({ code: 'custom', path: ['lostReason'], message: 'form.required' });
		}),
	z.object({ action: z.literal('assign'), version, ownerId: idParam.nullable() }),
	z.object({ action: z.literal('note'), version, body: requiredText(4000, { multiline: true }) }),
	z.object({ action: z.literal('message'), version, subject: requiredText(200), body: requiredText(8000, { multiline: true }) }),
	/** Won → a project in the pipeline, keeping the enquiry's history. */
	z.object({ action: z.literal('project'), version })
]);
export type EnquiryActionInput = z.infer<typeof enquiryActionSchema>;

export const INBOX_VIEWS = ['enquiries', 'matches'] as const;

/** The inbox's address: which list, status (or every open one), park, flagged only, mine only, search, page. */
export const inboxFilterSchema = z.object({
	view: z.enum(INBOX_VIEWS, { message: 'form.invalid' }).default('enquiries'),
	status: z
		.enum([...ENQUIRY_STATUSES, 'open'], { message: 'form.invalid' })
		.nullable()
		.default(null),
	park: siteCode.nullable().default(null),
	flag: z.literal('late', { message: 'form.invalid' }).nullable().default(null),
	mine: z.literal('1', { message: 'form.invalid' }).nullable().default(null),
	q: searchParam,
	page: pageParam
});
export type InboxFilters = z.infer<typeof inboxFilterSchema>;

// ------------------------------------------------------------------ projects

const milestone = z.object({ text: requiredText(200), due: isoDate().nullable().default(null), done: z.boolean().default(false) });

/** A project's facts, as the project form edits them (the stage moves separately). */
export const projectFieldsSchema = z.object({
	nameZh: requiredText(120),
	nameEn: text(160).default(''),
	investorName: requiredText(160),
	park: siteCode.nullable().default(null),
	chainLink: linkCode.nullable().default(null),
	site: z
		.object({ kind: z.enum(['plot', 'building'], { message: 'form.invalid' }), code: siteCode })
		.nullable()
		.default(null),
	investmentWan: wan.default(null),
	fundsInPlaceWan: wan.default(null),
	foreignCapitalUsd: z.number({ message: 'form.invalid' }).min(0, { message: 'form.invalid' }).max(1e12, { message: 'form.invalid' }).nullable().default(null),
	officerName: text(80).default(''),
	leaderName: text(80).default(''),
	milestones: z.array(milestone).max(30).default([]),
	notes: text(4000, { multiline: true }).default('')
});
export type ProjectFields = z.infer<typeof projectFieldsSchema>;

export const projectCreateSchema = projectFieldsSchema.extend({ stage: z.enum(PROJECT_STAGES, { message: 'form.invalid' }).default('lead') });
export type ProjectCreateInput = z.infer<typeof projectCreateSchema>;

export const projectActionSchema = z.discriminatedUnion('action', [
	z.object({ action: z.literal('edit'), version, fields: projectFieldsSchema }),
	z.object({ action: z.literal('move'), version, to: z.enum(PROJECT_STAGES, { message: 'form.invalid' }), on: isoDate() }),
	/** 一周一调度: this week's progress, next steps and funds in place (sent again the same week to correct it). */
	z.object({
		action: z.literal('update'),
		version,
		weekOf: isoDate(),
		progress: requiredText(1000, { multiline: true }),
		nextSteps: text(1000, { multiline: true }).default(''),
		fundsInPlaceWan: wan.default(null)
	}),
	z.object({ action: z.literal('problem'), version, text: requiredText(300), owner: requiredText(80), dueOn: isoDate() }),
	z.object({ action: z.literal('resolve'), version, problemId: idParam, resolvedOn: isoDate() })
]);
export type ProjectActionInput = z.infer<typeof projectActionSchema>;

const year = z.coerce
	.number({ message: 'form.invalid' })
	.int({ message: 'form.invalid' })
	.min(2000, { message: 'form.invalid' })
	.max(2100, { message: 'form.invalid' });

/** The pipeline's address (list, 挂图作战 map, dispatch sheet, export): stage, park, chain, warning, search, page. */
export const pipelineFilterSchema = z.object({
	stage: z.enum(PROJECT_STAGES, { message: 'form.invalid' }).nullable().default(null),
	park: siteCode.nullable().default(null),
	chain: linkCode.nullable().default(null),
	warning: z
		.enum([...WARNINGS, 'any'], { message: 'form.invalid' })
		.nullable()
		.default(null),
	q: searchParam,
	page: pageParam
});
export type PipelineFilters = z.infer<typeof pipelineFilterSchema>;

/** The rates board's address: the year (this year when absent). */
export const ratesFilterSchema = z.object({ year: year.default(() => new Date().getFullYear()) });

// ------------------------------------------------------------------ chains

export const targetFirmSchema = z.object({
	link: linkCode,
	name: requiredText(160),
	location: text(120).default(''),
	reason: text(500).default(''),
	owner: text(80).default(''),
	status: z.enum(TARGET_FIRM_STATUSES, { message: 'form.invalid' }).default('listed')
});
export type TargetFirmInput = z.infer<typeof targetFirmSchema>;
export const targetFirmUpdateSchema = targetFirmSchema.omit({ link: true }).extend({ version });
export type TargetFirmUpdate = z.infer<typeof targetFirmUpdateSchema>;
export const versionSchema = z.object({ version });

// ------------------------------------------------------------------ proposals

const siteRef = z.object({ kind: z.enum(['plot', 'building'], { message: 'form.invalid' }), code: siteCode });

/** A proposal for a delegation: its sites (1–8), an optional tour, the contact, the language, when the link expires. */
export const proposalSchema = z.object({
	title: requiredText(120),
	delegation: text(160).default(''),
	intro: text(2000, { multiline: true }).default(''),
	sites: z
		.array(siteRef)
		.min(1, { message: 'pipeline.proposal_no_sites' })
		.max(8, { message: 'pipeline.proposal_too_many_sites' })
		.refine((s) => new Set(s.map((x) => `${x.kind}:${x.code}`)).size === s.length, { message: 'pipeline.proposal_duplicate_site' }),
	tourId: idParam.nullable().default(null),
	contactName: text(80).default(''),
	contactPhone: text(40).default(''),
	contactEmail: z.union([z.literal(''), z.email({ message: 'form.invalid_email' }).max(200)]).default(''),
	locale: z.enum(['zh-CN', 'en'], { message: 'form.invalid' }).default('zh-CN'),
	expiresOn: isoDate().nullable().default(null)
});
export type ProposalInput = z.infer<typeof proposalSchema>;

/** The access code a delegation types: 6 characters of the unambiguous alphabet. */
export const accessCodeSchema = z
	.string()
	.trim()
	.toUpperCase()
	.regex(/^[23456789A-HJ-NP-Z]{6}$/, { message: 'pipeline.bad_code' });
