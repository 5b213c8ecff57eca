/**
 * The address of the page being looked at with some of its query changed — for filter, sort
 * and page links that keep the rest of the view. A null or empty value drops the parameter; a
 * change of anything but the page goes back to page 1.
 */
export function queryHref(url: URL, changes: Record<string, string | number | null>, path = url.pathname): string {
	const u = new URL(url);
	if (!('page' in changes)) u.searchParams.delete('page');
	for (const [k, v] of Object.entries(changes)) {
		if (v === null || v === '') u.searchParams.delete(k);
		else u.searchParams.set(k, String(v));
	}
	return `${path}${u.search}`;
}
