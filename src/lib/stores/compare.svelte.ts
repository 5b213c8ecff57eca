/**
 * The compare list: up to four sites ("plot:CODE", "building:CODE"), kept in
 * localStorage so it survives navigation; the compare page's URL carries it for sharing.
 */
export const MAX_COMPARE = 4;
const KEY = 'siteatlas.compare';

export type SiteRef = `${'plot' | 'building'}:${string}`;

export function parseSiteRefs(raw: string | null): SiteRef[] {
	if (!raw) return [];
	const refs = raw
		.split(',')
		.map((s) => s.trim())
		.filter((s): s is SiteRef => /^(plot|building):[A-Za-z0-9_-]{1,64}$/.test(s));
	return [...new Set(refs)].slice(0, MAX_COMPARE);
}

class CompareList {
	items = $state<SiteRef[]>([]);

	load() {
		try {
			this.items = parseSiteRefs(localStorage.getItem(KEY));
		} catch {
			this.items = [];
		}
	}

	private save() {
		try {
			localStorage.setItem(KEY, this.items.join(','));
		} catch {
			// Private mode: the list lives for this page only.
		}
	}

	has(ref: SiteRef) {
		return this.items.includes(ref);
	}

	get full() {
		return this.items.length >= MAX_COMPARE;
	}

	toggle(ref: SiteRef) {
		if (this.has(ref)) this.items = this.items.filter((r) => r !== ref);
		else if (!this.full) this.items = [...this.items, ref];
		this.save();
	}

	set(refs: SiteRef[]) {
		this.items = refs.slice(0, MAX_COMPARE);
		this.save();
	}

	get href() {
		return `/compare?sites=${encodeURIComponent(this.items.join(','))}`;
	}
}

export const compareList = new CompareList();
