/**
 * Plural forms, chosen by `Intl.PluralRules` for the count in a message's `{n}` (or `{days}`).
 * Chinese has one form, so only English needs entries: its "one" form of each counted message
 * ("1 result", not "1 results"). A message without an entry here reads the same for every count.
 */
import type { MessageKey } from './messages';

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>>;

export const enPlurals: Partial<Record<MessageKey, PluralForms>> = {
	'age.days': { one: 'Confirmed yesterday' },
	'age.stale': { one: 'Not confirmed for 1 day; may be out of date' },
	'finder.results': { one: '1 result' },
	'reason.stale': { one: 'Not confirmed for 1 day' },
	'requirement.saved': { one: 'Saved as {reference}; the 1 current match will be sent to you.' },
	'console.confirmed_n': { one: 'Confirmed 1 record.' },
	'tour.optimise_limit': { one: 'At most 1 stop can be optimised.' },
	'tour.missing_sites': { one: '1 site was not found or is unpublished and was left out.' },
	'audit.count': { one: '1 entry' },
	'finder.include_stale': { one: 'Include records unconfirmed for over a day' },
	'import.ui.refused': { one: '1 feature has problems, so nothing was written. Fix it, or tick “Leave out features with problems”.' },
	'import.ui.preview_truncated': { one: 'The preview shows the first feature only.' },
	'import.ui.commit': { one: 'Import (1 record)' },
	'taxonomy.uses_n': { one: 'used once' },
	'taxonomy.use_parks': { one: '1 park' },
	'taxonomy.use_plots': { one: '1 plot' },
	'taxonomy.use_enterprises': { one: '1 firm' },
	'taxonomy.use_units': { one: '1 unit' },
	'taxonomy.use_enquiries': { one: '1 enquiry' },
	'taxonomy.use_projects': { one: '1 project' },
	'taxonomy.use_chains': { one: '1 chain' },
	'taxonomy.use_links': { one: '1 link' },
	'roads.count': { one: '1 road, {km} km' },
	'roads.points': { one: 'Its course has 1 point' },
	'import.ui.roads_deleted': { one: '1 road not in the file was deleted.' },
	'economy.floors': { one: '1 floor' },
	'pipeline.warning_long.not_started': { one: 'Signed more than a day ago and not started.' },
	'api.limit_rate': { one: 'Each client address may make 1 request a minute; beyond that the answer is 429 with Retry-After (seconds to wait).' },
	'pipeline.intro': {
		one: 'From first lead to production: each project’s progress, money, problems and weekly updates. A project not started within a day of signing, one under construction with no update within the {weeks}-week limit, or a problem past its due date raises a warning.'
	},
	'api.limit_export': { one: 'A download holds at most 1 record.' }
};

/** The parameter that carries a message's count. */
export const COUNT_PARAMS = ['n', 'days'] as const;
