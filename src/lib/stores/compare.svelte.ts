/**
 * The compare list: up to four sites ("plot:CODE", "building:CODE"), kept in
 * localStorage so it survives navigation; the compare page's URL carries it for sharing.
 */
import { MAX_COMPARE, parseSiteRefs, type SiteRef } from '../domain/site-refs';

export type { SiteRef };
const KEY = 'siteatlas.compare';

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
