/**
 * Field names for formats that limit them: a DBF (shapefile) field name holds at most ten
 * ASCII characters. Names are cut to ten; where two cut names would clash, the later one
 * ends in `_1`, `_2`, … within the ten characters, so every field keeps a column.
 */
export const DBF_NAME_MAX = 10;

export function shortFieldNames(names: readonly string[], max = DBF_NAME_MAX): string[] {
	const taken = new Set<string>();
	return names.map((name) => {
		const clean = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=\d)/, 'f') || 'field';
		let candidate = clean.slice(0, max);
		for (let n = 1; taken.has(candidate.toLowerCase()); n++) {
			const suffix = `_${n}`;
			candidate = clean.slice(0, max - suffix.length) + suffix;
		}
		taken.add(candidate.toLowerCase());
		return candidate;
	});
}
