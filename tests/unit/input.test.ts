import { describe, expect, it } from 'vitest';
import { hasForbiddenChars, isRealDate, isoDate, requiredText, text } from '../../src/lib/domain/input';
import { blankPlotAttributes, plotEditSchema, buildingEditSchema } from '../../src/lib/domain/edit-schemas';
import { enquirySchema } from '../../src/lib/domain/enquiry';
import { tourSchema } from '../../src/lib/domain/tour-schema';

describe('text fields', () => {
	it('refuse NUL and other control characters, keep line breaks where text is multi-line', () => {
		expect(hasForbiddenChars('东营\u0000')).toBe(true);
		expect(hasForbiddenChars('a\u0007b')).toBe(true);
		expect(hasForbiddenChars('a\u007fb')).toBe(true);
		expect(hasForbiddenChars('line\nline')).toBe(true);
		expect(hasForbiddenChars('line\nline\ttab', true)).toBe(false);
		expect(hasForbiddenChars('新材料产业园 — Park №1 ✓')).toBe(false);
		expect(hasForbiddenChars('\ud83c')).toBe(true); // a lone surrogate is not UTF-8
		expect(hasForbiddenChars('😀')).toBe(false);
	});

	it('give a message key per problem, after trimming', () => {
		expect(text(5).safeParse('  abc  ').data).toBe('abc');
		expect(text(5).safeParse('abcdef').error?.issues[0].message).toBe('form.too_long');
		expect(text(50).safeParse('x\u0000y').error?.issues[0].message).toBe('form.control_chars');
		expect(requiredText(5).safeParse('   ').error?.issues[0].message).toBe('form.required');
	});
});

describe('dates', () => {
	it('exist: 30 February, month 99 and year 0 do not', () => {
		for (const d of ['2026-02-30', '9999-99-99', '0000-00-00', '2026-13-01', '2026-04-31', '2027-02-29', '2026-1-1', '']) expect(isRealDate(d), d).toBe(false);
		for (const d of ['2026-02-28', '2028-02-29', '2026-12-31', '1900-01-01', '2199-12-31']) expect(isRealDate(d), d).toBe(true);
		expect(isoDate().safeParse('2026-02-30').error?.issues[0].message).toBe('form.invalid_date');
	});
});

const plot = { ...blankPlotAttributes(), version: 1, readiness: 'serviced', published: true };

describe('every schema uses the input layer', () => {
	it('plot edits refuse NUL in notes and dates that do not exist', () => {
		expect(plotEditSchema.safeParse({ ...plot, notes: 'first line\nsecond' }).success).toBe(true);
		expect(plotEditSchema.safeParse({ ...plot, notes: 'a\u0000b' }).error?.issues[0].message).toBe('form.control_chars');
		expect(plotEditSchema.safeParse({ ...plot, availableFrom: '2026-02-30' }).error?.issues[0].message).toBe('form.invalid_date');
		expect(plotEditSchema.safeParse({ ...plot, disposalDeadline: '9999-99-99' }).success).toBe(false);
	});

	it('building owners, enquiries and tours refuse NUL too', () => {
		const building = {
			version: 1,
			kind: 'office',
			floors: 10,
			rentYuanPerM2Day: 1,
			ownerName: 'X\u0000',
			operatorName: null,
			businessFormats: [],
			taxTier: 'none',
			published: true
		};
		expect(buildingEditSchema.safeParse(building).success).toBe(false);
		const enquiry = { siteKind: 'plot', siteCode: 'NM-A01-02', company: 'ACME', contactName: 'Li\u0000', contactEmail: 'li@example.com' };
		expect(enquirySchema.safeParse(enquiry).error?.issues[0].message).toBe('form.control_chars');
		const stop = { siteKind: 'point', code: null, location: [118.5, 37.4], label: 'Hotel', dwellMin: 0 };
		const tour = { title: 'Visit', tourDate: '2026-02-30', stops: [stop, stop] };
		expect(tourSchema.safeParse(tour).error?.issues[0].message).toBe('form.invalid_date');
		expect(tourSchema.safeParse({ ...tour, tourDate: null, title: 'T\u0000' }).success).toBe(false);
	});
});
