import { describe, expect, it } from 'vitest';
import { occupancyColor, occupancyOf, OCCUPANCY_BANDS } from '$lib/domain/occupancy';

describe('building occupancy', () => {
	it('is derived from units when the building has them', () => {
		const o = occupancyOf(
			[
				{ areaM2: 600, status: 'leased' },
				{ areaM2: 200, status: 'reserved' },
				{ areaM2: 200, status: 'vacant' }
			],
			{ leasableAreaM2: 99_999, leasedAreaM2: 99_999 }
		);
		expect(o).toEqual({ leasableM2: 1000, leasedM2: 600, reservedM2: 200, vacantM2: 200, rate: 0.6 });
	});
	it('falls back to the building figures without units', () => {
		const o = occupancyOf([], { leasableAreaM2: 2000, leasedAreaM2: 1300 });
		expect(o.rate).toBe(0.65);
		expect(o.vacantM2).toBe(700);
	});
	it('treats a building with nothing recorded as empty, not as NaN', () => {
		expect(occupancyOf([], { leasableAreaM2: 0, leasedAreaM2: null }).rate).toBe(0);
	});
	it('colours by band with inclusive upper bounds at 100%', () => {
		expect(occupancyColor(0)).toBe(OCCUPANCY_BANDS[0].color);
		expect(occupancyColor(0.65)).toBe(OCCUPANCY_BANDS[2].color);
		expect(occupancyColor(1)).toBe(OCCUPANCY_BANDS[3].color);
	});
});
