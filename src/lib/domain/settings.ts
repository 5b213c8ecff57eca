/**
 * The portal's site settings: what the administrator sets once for the zone (name, public
 * contact, the sample-data banner, freshness thresholds and the basemap). One zod schema for
 * the settings form and the API; messages are i18n keys (`form.*`, `settings.*`).
 */
import { z } from 'zod';
import { optionalText, text } from './input';
import { BASEMAP_KINDS, DATUMS, TIANDITU_LAYERS } from './basemap';

export * from './basemap';

const httpsUrl = z
	.string()
	.trim()
	.max(2000, { message: 'form.too_long' })
	.refine(
		(s) => {
			try {
				const u = new URL(s);
				return u.protocol === 'https:' || u.protocol === 'http:';
			} catch {
				return false;
			}
		},
		{ message: 'settings.bad_url' }
	);

const days = z.coerce
	.number({ message: 'form.invalid' })
	.int({ message: 'form.invalid' })
	.min(1, { message: 'form.invalid' })
	.max(3650, { message: 'form.invalid' });

export const basemapSchema = z
	.object({
		kind: z.enum(BASEMAP_KINDS, { message: 'form.invalid' }),
		styleUrl: z.union([z.literal(''), httpsUrl]).default(''),
		datum: z.enum(DATUMS, { message: 'form.invalid' }).default('wgs84'),
		tiandituKey: z
			.string()
			.trim()
			.regex(/^[0-9a-fA-F]{0,64}$/, { message: 'settings.bad_tianditu_key' })
			.default(''),
		tiandituLayer: z.enum(TIANDITU_LAYERS, { message: 'form.invalid' }).default('vector'),
		/** 审图号, e.g. GS(2024)0650号 — shown on every public and printed map. */
		approvalNumber: text(60).default(''),
		/** The basemap provider's attribution, shown with the map. */
		attribution: text(300).default('')
	})
	.superRefine((b, ctx) => {
		if (b.kind === 'style' && !b.styleUrl) ctx.addIssue({ code: 'custom', path: ['styleUrl'], message: 'form.required' });
		if (b.kind === 'tianditu' && !b.tiandituKey) ctx.addIssue({ code: 'custom', path: ['tiandituKey'], message: 'form.required' });
	});

export const siteSettingsSchema = z
	.object({
		portalNameZh: text(60).default(''),
		portalNameEn: text(80).default(''),
		contactName: optionalText(80),
		contactPhone: optionalText(40),
		contactEmail: z.union([z.literal(''), z.email({ message: 'form.invalid_email' }).max(200)]).default(''),
		/** Shown only while the sample zone is loaded; the admin may turn it off sooner. */
		sampleBanner: z.boolean().default(true),
		staleAfterDays: days.default(90),
		hideAfterDays: days.default(180),
		/** The pipeline's warnings: an enquiry nobody contacted after N working days; a project signed and not started after N days, or under construction with no update for N weeks. */
		pipeline: z
			.object({
				contactDays: days.default(3),
				signedNotStartedDays: days.default(180),
				stalledWeeks: z.coerce
					.number({ message: 'form.invalid' })
					.int({ message: 'form.invalid' })
					.min(1, { message: 'form.invalid' })
					.max(52, { message: 'form.invalid' })
					.default(4)
			})
			.default({ contactDays: 3, signedNotStartedDays: 180, stalledWeeks: 4 }),
		basemap: basemapSchema.default({
			kind: 'offline',
			styleUrl: '',
			datum: 'wgs84',
			tiandituKey: '',
			tiandituLayer: 'vector',
			approvalNumber: '',
			attribution: ''
		})
	})
	.superRefine((s, ctx) => {
		if (s.hideAfterDays < s.staleAfterDays) ctx.addIssue({ code: 'custom', path: ['hideAfterDays'], message: 'settings.hide_before_stale' });
	});
export type SiteSettings = z.infer<typeof siteSettingsSchema>;
export type SiteSettingsInput = z.input<typeof siteSettingsSchema>;
