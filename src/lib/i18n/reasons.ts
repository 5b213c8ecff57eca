import type { Reason } from '../domain/scoring';
import { formatNumber, translate, vocabLabel, type Locale, type MessageKey } from './index';
import { formatPrice } from './format';

/** One reason in plain words with a mark: ✓ met, ✗ not met, ⚠ a warning. */
export function formatReason(locale: Locale, r: Reason): string {
	const p = r.params;
	const unit = (u: unknown) => translate(locale, `unit.${String(u)}` as MessageKey);
	/** A number as the reader writes it (2,394; 31.4), with the decimals it has, at most two. */
	const num = (v: unknown) => {
		const n = Number(v);
		const decimals = Number.isInteger(n) ? 0 : Number.isInteger(n * 10) ? 1 : 2;
		return formatNumber(locale, n, decimals);
	};
	let key: MessageKey;
	let params: Record<string, string | number> = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'number' ? num(v) : v]));
	switch (r.key) {
		case 'area': {
			const u = unit(p.unit);
			params = { value: `${num(p.value)} ${u}`, min: `${num(p.min)} ${u}`, max: `${num(p.max)} ${u}` };
			key = p.min !== undefined && p.max !== undefined ? 'reason.area_range' : p.min !== undefined ? 'reason.area_min' : 'reason.area_max';
			if (p.min !== undefined && p.max !== undefined) params = { value: `${num(p.value)} ${u}`, min: num(p.min), max: `${num(p.max)} ${u}` };
			break;
		}
		case 'distance':
			key = 'reason.distance';
			{
				const label = vocabLabel(locale, 'facility_kind', String(p.facility));
				params = { km: num(p.km), facility: locale === 'en' ? label.toLowerCase() : label };
			}
			break;
		case 'land_use':
			key = Number(p.fit) >= 1 ? 'reason.land_use' : Number(p.fit) > 0 ? 'reason.land_use_partly' : 'reason.land_use_unfit';
			params = { ...p, use: vocabLabel(locale, 'land_use', String(p.use)) };
			break;
		case 'price':
			key = 'reason.price';
			params = { value: formatPrice(locale, Number(p.value)), max: formatPrice(locale, Number(p.max)) };
			break;
		case 'upstream':
			key = Number(p.n) > 0 ? 'reason.upstream' : 'reason.upstream_none';
			break;
		default:
			key = `reason.${r.key}` as MessageKey;
	}
	const mark = r.key === 'stale' ? '⚠' : r.ok ? '✓' : '✗';
	return `${translate(locale, key, params)} ${mark}`;
}
