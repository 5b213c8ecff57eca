/** The pure parts of imports: encodings, Gauss–Krüger zones, land-use codes, values, mapping proposals, zip paths. */
import { describe, expect, it } from 'vitest';
import { dbfCodePage, guessEncoding, normaliseEncoding } from '../../src/lib/server/import/encoding';
import { axesSwapped, guessZone, zonePrefix } from '../../src/lib/geo/gauss-kruger';
import { landUseOf } from '../../src/lib/domain/import/land-use';
import { areaUnitByValues, areaUnitOfName, convertValue } from '../../src/lib/domain/import/values';
import { IMPORT_TARGETS, proposeMapping } from '../../src/lib/domain/import/targets';
import { escapesRoot } from '../../src/lib/server/import/zip';
import { crsFromEpsg, crsFromName, crsFromWkt, transformFrom } from '../../src/lib/server/import/crs';

const field = (key: string) => IMPORT_TARGETS.plots.fields.find((f) => f.key === key)!;

describe('encodings', () => {
	it.each([
		['GBK', 'gbk'],
		['GB2312', 'gbk'],
		['936', 'gbk'],
		['ANSI 936', 'gbk'],
		['CP936', 'gbk'],
		['cp936', 'gbk'],
		['UTF-8', 'utf-8'],
		['utf8', 'utf-8'],
		['GB18030', 'gb18030'],
		['1252', 'windows-1252']
	])('normalises the .cpg spelling %s to %s', (label, enc) => expect(normaliseEncoding(label)).toBe(enc));
	it('knows the DBF code page byte of GBK and refuses to guess from none', () => {
		expect(dbfCodePage(0x4d)).toBe('gbk');
		expect(dbfCodePage(0x7a)).toBe('gbk');
		expect(dbfCodePage(0)).toBeNull();
	});
	it('guesses UTF-8, then GBK, by whether the bytes decode', () => {
		expect(guessEncoding(new TextEncoder().encode('地块编号'))).toEqual({ encoding: 'utf-8', rule: 'valid_utf8' });
		expect(guessEncoding(new Uint8Array([0xb5, 0xd8, 0xbf, 0xe9]))).toEqual({ encoding: 'gbk', rule: 'valid_gbk' });
		expect(guessEncoding(new TextEncoder().encode('plain'))).toEqual({ encoding: 'utf-8', rule: 'ascii' });
	});
});

describe('Gauss–Krüger zones', () => {
	it('reads the zone from an easting prefix', () => {
		expect(zonePrefix(40_376_118)).toBe(40);
		expect(zonePrefix(376_118)).toBeNull();
		expect(guessZone([40_376_000, 4_144_000, 40_378_000, 4_146_000], null)).toMatchObject({ epsg: 4528, rule: 'zone_prefix' });
		expect(guessZone([20_500_000, 4_144_000, 20_600_000, 4_146_000], null)).toMatchObject({ epsg: 4498, rule: 'zone_prefix' });
	});
	it('proposes the zone whose central meridian is nearest the park for plain eastings', () => {
		expect(guessZone([376_000, 4_144_000, 378_000, 4_146_000], 118.62)).toMatchObject({ epsg: 4549, rule: 'nearest_meridian', centralMeridian: 120 });
		expect(guessZone([376_000, 4_144_000, 378_000, 4_146_000], 116.9)).toMatchObject({ epsg: 4548, centralMeridian: 117 });
		expect(guessZone([376_000, 4_144_000, 378_000, 4_146_000], null)).toBeNull();
	});
	it('takes lon/lat ranges as lon/lat, and tells X = northing tables', () => {
		expect(guessZone([118.6, 37.4, 118.7, 37.5], null)).toMatchObject({ epsg: 4490, rule: 'lonlat' });
		expect(axesSwapped([4_144_000, 40_376_000, 4_146_000, 40_378_000])).toBe(true);
		expect(axesSwapped([40_376_000, 4_144_000, 40_378_000, 4_146_000])).toBe(false);
	});
	it('converts EPSG:4528 as PROJ does (a known point)', () => {
		const t = transformFrom(crsFromEpsg(4528)!);
		const [lon, lat] = t.toLonLat(40_376_118.636293255, 4_147_373.2286364487)!;
		expect(lon).toBeCloseTo(118.6, 9);
		expect(lat).toBeCloseTo(37.45, 9);
	});
	it('reads CRS names and ESRI .prj names', () => {
		expect(crsFromName('urn:ogc:def:crs:EPSG::4528')?.code).toBe('EPSG:4528');
		expect(crsFromName('EPSG:4549')?.name).toContain('CM 120E');
		expect(crsFromWkt('PROJCS["CGCS2000_3_Degree_GK_Zone_40",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000"]]').code).toBe('EPSG:4528');
		expect(crsFromWkt('PROJCS["WGS_1984_UTM_Zone_50N",GEOGCS["GCS_WGS_1984"]]').code).toBe('EPSG:32650');
		expect(crsFromEpsg(2385)?.datum).toBe('xian1980');
		expect(() => transformFrom(crsFromEpsg(2385)!)).toThrow(/seven parameters/);
	});
});

describe('land use and values', () => {
	it.each([
		['1001', 'industrial'],
		['100101', 'industrial'],
		['0601', 'industrial'],
		['M2', 'industrial'],
		['工业用地', 'industrial'],
		['1101', 'logistics'],
		['W1', 'logistics'],
		['0902', 'office'],
		['B2', 'office'],
		['M0', 'research'],
		['新型产业用地', 'research'],
		['B1', 'commercial'],
		['混合用地', 'mixed'],
		['B1/M1', 'mixed']
	])('maps %s to %s', (v, use) => expect(landUseOf(v)).toBe(use));
	it('lists what it cannot map', () => expect(landUseOf('外星用地')).toBeNull());
	it('reads ranges, ratios, dates and numbers as surveys write them', () => {
		expect(convertValue(field('plotRatio'), '1.0-2.5')).toEqual({ value: { min: 1, max: 2.5 } });
		expect(convertValue(field('plotRatio'), '≤2.0')).toEqual({ value: { min: null, max: 2 } });
		expect(convertValue(field('plotRatio'), '30')).toEqual({ problem: 'import.value_bounds' });
		expect(convertValue(field('buildingDensityMax'), '35%')).toEqual({ value: 0.35 });
		expect(convertValue(field('buildingDensityMax'), 0.4)).toEqual({ value: 0.4 });
		expect(convertValue(field('availableFrom'), '2026/3/1')).toEqual({ value: '2026-03-01' });
		expect(convertValue(field('availableFrom'), '2026-02-30')).toEqual({ problem: 'import.value_date' });
		expect(convertValue(field('priceWanPerMu'), '1,250.5')).toEqual({ value: 1250.5 });
		expect(convertValue(field('leaseTermYears'), '50年')).toEqual({ value: 50 });
		expect(convertValue(field('supplyStatus'), '已出让')).toEqual({ value: 'signed' });
	});
	it('tells the area unit by name, else by the values', () => {
		expect(areaUnitOfName('地块面积(公顷)')).toBe('ha');
		expect(areaUnitOfName('面积（亩）')).toBe('mu');
		expect(areaUnitOfName('MJ')).toBeNull();
		expect(areaUnitByValues([{ value: 3, measuredM2: 30_100 }])).toBe('ha');
		expect(areaUnitByValues([{ value: 45, measuredM2: 30_000 }])).toBe('mu');
	});
});

describe('mapping and archive paths', () => {
	it('proposes fields from Chinese, pinyin-initial and English column names', () => {
		const m = proposeMapping(IMPORT_TARGETS.plots, ['OBJECTID', 'DKBH', '用地性质', 'MJ', '容积率', 'QLR', 'Shape_Leng']);
		expect(m.code.column).toBe('DKBH');
		expect(m.landUse.column).toBe('用地性质');
		expect(m.areaAttr.column).toBe('MJ');
		expect(m.plotRatio.column).toBe('容积率');
		expect(m.ownerName.column).toBe('QLR');
		expect(proposeMapping(IMPORT_TARGETS.plots, ['地块面积(公顷)']).areaAttr.column).toBe('地块面积(公顷)');
	});
	it.each(['../x.shp', 'a/../../x', '/etc/passwd', 'C:\\\\x.shp', '..\\\\x'])('refuses the archive entry %s', (n) => expect(escapesRoot(n)).toBe(true));
	it('accepts entries inside the archive', () => expect(escapesRoot('plots/plots.shp')).toBe(false));
});
