import { describe, expect, it } from 'vitest';
import { destination, distance } from '@turf/turf';
import { degreesSpanning } from '../../src/lib/geo/degrees';

describe('degrees spanning a distance', () => {
	it('cover 5 km in every direction at 37°N, 50°N, 65°N and 80°N', () => {
		for (const lat of [0, 37, 50, 65, 80, -65]) {
			const { dLat, dLon } = degreesSpanning(5000, lat);
			for (const bearing of [0, 45, 90, 135, 180, 270]) {
				const [lon, la] = destination([10, lat], 5, bearing).geometry.coordinates;
				expect(Math.abs(lon - 10), `${lat}° ${bearing}`).toBeLessThanOrEqual(dLon);
				expect(Math.abs(la - lat), `${lat}° ${bearing}`).toBeLessThanOrEqual(dLat);
			}
			// …and not absurdly more: within 5% of the true span east.
			const east = destination([10, lat], 5, 90).geometry.coordinates[0] - 10;
			expect(dLon / east).toBeLessThan(1.05 + (lat > 60 ? 0.05 : 0));
		}
		expect(distance([10, 65], [10 + 5 / 111, 65])).toBeLessThan(5); // the old /111 box fell short at 65°N
	});
});
