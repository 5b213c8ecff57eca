/** Land cases in words: why a plot was suspected, in the reader's language. */
import { translate, type Locale } from './index';
import { formatWan } from './format';
import type { Grounds } from '../domain/land-suspicion';

export function groundsText(locale: Locale, g: Grounds | Record<string, never>): string {
	if (!('kind' in g)) return translate(locale, 'land.grounds_recorded');
	if (g.kind === 'idle') {
		const base = translate(locale, g.reason === 'not_started' ? 'land.grounds_not_started' : 'land.grounds_stalled', { from: g.from, since: g.since });
		const then =
			g.consequence === 'recovery'
				? translate(locale, 'land.grounds_recovery', { date: g.recoveryFrom })
				: g.feeWan !== null
					? translate(locale, 'land.grounds_fee', { fee: formatWan(locale, g.feeWan), date: g.recoveryFrom })
					: translate(locale, 'land.grounds_fee_unknown', { date: g.recoveryFrom });
		return `${base}${translate(locale, 'land.sep')}${then}`;
	}
	const parts = g.below.map((b) =>
		b === 'tax'
			? translate(locale, 'land.grounds_tax', {
					value: formatWan(locale, g.taxPerMuWan ?? 0),
					floor: formatWan(locale, g.thresholds.taxPerMuWan ?? 0)
				})
			: translate(locale, 'land.grounds_output', {
					value: formatWan(locale, g.outputPerMuWan ?? 0, 0),
					floor: formatWan(locale, g.thresholds.outputPerMuWan ?? 0, 0)
				})
	);
	return parts.join(translate(locale, 'land.sep'));
}
