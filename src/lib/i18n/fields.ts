/**
 * Record fields as people read them: the label of a plot's or building's field and its value
 * in words and units, for the history of a record and the conflict table of a stale save —
 * never "supplyStatus: available → negotiating".
 */
import { formatNumber, translate, vocabLabel, type Locale, type MessageKey } from './index';
import { formatArea, formatPercent, formatPrice } from './format';

/** The label of each field of a plot's or building's snapshot. */
const FIELD_LABELS: Record<string, MessageKey> = {
	code: 'field.code',
	parkId: 'fact.park',
	supplyStatus: 'fact.status',
	landUse: 'fact.land_use',
	areaM2: 'fact.area',
	plotRatioMin: 'field.plot_ratio_min',
	plotRatioMax: 'field.plot_ratio_max',
	buildingDensityMax: 'fact.building_density',
	greenRatioMax: 'fact.green_ratio',
	heightLimitM: 'fact.height_limit',
	leaseTermYears: 'fact.lease_term',
	priceWanPerMu: 'fact.price',
	readiness: 'fact.readiness',
	readinessItems: 'fact.readiness_items',
	availableFrom: 'fact.available_from',
	isIdle: 'fact.idle',
	isLowEfficiency: 'fact.low_efficiency',
	disposalMethod: 'fact.disposal',
	disposalDeadline: 'fact.disposal_deadline',
	notes: 'field.notes',
	published: 'field.published',
	ownerName: 'fact.owner',
	retiredAt: 'field.retired_at',
	boundary: 'field.boundary',
	footprint: 'field.footprint',
	nameZh: 'field.name_zh',
	nameEn: 'field.name_en',
	kind: 'fact.kind',
	floors: 'fact.floors',
	grossAreaM2: 'fact.gross_area',
	leasableAreaM2: 'fact.leasable_area',
	rentYuanPerM2Day: 'fact.rent',
	operatorName: 'fact.operator',
	businessFormats: 'fact.formats',
	taxTier: 'fact.tax_tier',
	annualTaxWan: 'field.annual_tax',
	managerName: 'field.manager_name',
	managerPhone: 'field.manager_phone',
	units: 'fact.units',
	// The finder's and the heat map's query parameters.
	industry: 'finder.industry',
	chain: 'finder.chain',
	link: 'finder.link',
	areaMin: 'finder.area_min',
	areaMax: 'finder.area_max',
	unit: 'finder.unit',
	priceMax: 'field.price_max',
	status: 'finder.status',
	vacantMin: 'field.vacant_min',
	rentMax: 'field.rent_max',
	buildingKind: 'finder.building_kind',
	near: 'finder.near',
	withinKm: 'field.within_km',
	bbox: 'finder.aoi',
	polygon: 'finder.aoi',
	circle: 'finder.aoi',
	page: 'field.page',
	pageSize: 'field.page_size',
	metric: 'heat.metric',
	z: 'field.zoom',
	// An enquiry or a standing requirement.
	company: 'enquiry.company',
	companyName: 'enquiry.company',
	contactName: 'enquiry.contact_name',
	contactEmail: 'enquiry.email',
	contactPhone: 'enquiry.phone',
	spaceNeeded: 'enquiry.space',
	message: 'enquiry.message',
	email: 'enquiry.email',
	geometry: 'field.boundary'
};

/** Fields whose values are words of a vocabulary. */
const VOCABS: Record<string, string> = {
	supplyStatus: 'supply_status',
	landUse: 'land_use',
	readiness: 'readiness',
	readinessItems: 'readiness_item',
	disposalMethod: 'disposal_method',
	kind: 'building_kind',
	taxTier: 'tax_tier'
};

/** The field's label in the reader's language; a field this table does not know keeps its name. */
export function fieldLabel(locale: Locale, field: string): string {
	const key = FIELD_LABELS[field];
	return key ? translate(locale, key) : field;
}

/** Whether a field is a shape (its change is told, not printed). */
export const isShapeField = (field: string) => field === 'boundary' || field === 'footprint';

/** A field's value in words and units: "可供应", "31.4 亩", "25.9 万元/亩", "是", "—". */
export function fieldValue(locale: Locale, field: string, value: unknown): string {
	if (value === null || value === undefined || value === '') return '—';
	const vocab = VOCABS[field];
	const list = locale === 'zh-CN' ? '、' : ', ';
	if (vocab && Array.isArray(value)) return value.length ? value.map((v) => vocabLabel(locale, vocab, String(v))).join(list) : '—';
	if (vocab) return vocabLabel(locale, vocab, String(value));
	if (typeof value === 'boolean') return translate(locale, value ? 'fact.yes' : 'fact.no');
	if (typeof value === 'number') {
		switch (field) {
			case 'areaM2':
				return formatArea(locale, value);
			case 'grossAreaM2':
			case 'leasableAreaM2':
				return formatArea(locale, value, 'm2');
			case 'priceWanPerMu':
				return formatPrice(locale, value);
			case 'buildingDensityMax':
			case 'greenRatioMax':
				return formatPercent(locale, value);
			case 'heightLimitM':
				return `${formatNumber(locale, value)} ${translate(locale, 'unit.m')}`;
			case 'leaseTermYears':
				return `${formatNumber(locale, value)} ${translate(locale, 'unit.years')}`;
			case 'rentYuanPerM2Day':
				return `${formatNumber(locale, value, 2)} ${translate(locale, 'unit.rent')}`;
			case 'annualTaxWan':
				return `${formatNumber(locale, value, 1)} ${translate(locale, 'land.unit_wan')}`;
			case 'plotRatioMin':
			case 'plotRatioMax':
				return formatNumber(locale, value, 1);
			default:
				return formatNumber(locale, value, Number.isInteger(value) ? 0 : 2);
		}
	}
	if (Array.isArray(value)) return value.length ? value.map(String).join(list) : '—';
	if (isShapeField(field)) return translate(locale, 'field.shape_changed');
	if (typeof value === 'object') return translate(locale, 'field.changed');
	return String(value);
}

/** One line of a record's history: "供应状态：可供应 → 洽谈中" / "Supply status: Available → Under negotiation". */
export function describeChange(locale: Locale, field: string, before: unknown, after: unknown): string {
	const label = fieldLabel(locale, field);
	if (isShapeField(field)) return translate(locale, 'field.shape_redrawn', { field: label });
	return translate(locale, 'field.change', { field: label, before: fieldValue(locale, field, before), after: fieldValue(locale, field, after) });
}
