/**
 * A list of values as one bound parameter, for `col in ${textList(values)}`: drizzle's `sql`
 * would spread an array into one parameter per value (and PostgreSQL allows 65,535 of them),
 * so imports of thousands of records pass the list as one JSON array instead.
 */
import { sql, type SQL } from 'drizzle-orm';

export const textList = (values: readonly string[]): SQL => sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

export const intList = (values: readonly number[]): SQL => sql`(select (jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::int)`;

/** A search box's text as an `ilike` pattern that matches it anywhere, its own `%`, `_` and `\` taken literally. */
export const containsPattern = (q: string): string => `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
