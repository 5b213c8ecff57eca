/**
 * What the public map's endpoints return about a feature: the shapes shared by the
 * server (lib/server/sites) and the UI. Plain data, no behaviour.
 */

export type FeatureLayer = 'parks' | 'plots' | 'buildings' | 'facilities';
export const FEATURE_LAYERS: readonly FeatureLayer[] = ['parks', 'plots', 'buildings', 'facilities'];

export interface Named {
	code: string;
	nameZh: string;
	nameEn: string;
}

export interface Located {
	/** A point inside the feature, [lon, lat]. */
	labelPoint: [number, number];
	/** [west, south, east, north]. */
	bbox: [number, number, number, number];
}

export interface ParkContact {
	operatorZh: string;
	operatorEn: string;
	contactName: string | null;
	contactPhone: string | null;
	contactEmail: string | null;
}

export interface PlotDetails extends Located {
	layer: 'plots';
	id: number;
	code: string;
	park: Named & ParkContact;
	areaM2: number;
	landUse: string;
	supplyStatus: string;
	plotRatioMin: number | null;
	plotRatioMax: number | null;
	buildingDensityMax: number | null;
	greenRatioMax: number | null;
	heightLimitM: number | null;
	leaseTermYears: number | null;
	priceWanPerMu: number | null;
	readiness: string;
	readinessItems: string[];
	industries: Named[];
	availableFrom: string | null;
	isIdle: boolean;
	isLowEfficiency: boolean;
	disposalMethod: string | null;
	disposalDeadline: string | null;
	taxPerMuWan: number | null;
	outputPerMuWan: number | null;
	confirmedAt: string;
}

export interface BuildingDetails extends Located {
	layer: 'buildings';
	id: number;
	code: string;
	nameZh: string;
	nameEn: string;
	kind: string;
	park: (Named & ParkContact) | null;
	floors: number;
	grossAreaM2: number;
	leasableAreaM2: number;
	leasedAreaM2: number;
	reservedAreaM2: number;
	vacantAreaM2: number;
	occupancy: number;
	rentYuanPerM2Day: number | null;
	ownerName: string;
	operatorName: string | null;
	businessFormats: string[];
	taxTier: string;
	units: { total: number; vacant: number; reserved: number; leased: number };
	confirmedAt: string;
}

export interface ParkDetails extends Located, ParkContact {
	layer: 'parks';
	id: number;
	code: string;
	nameZh: string;
	nameEn: string;
	kind: string;
	parent: Named | null;
	areaM2: number;
	profileZh: string;
	profileEn: string;
	industries: (Named & { leading: boolean })[];
	chains: Named[];
	plotsByStatus: Record<string, number>;
	availableLandM2: number;
	enterprises: number;
	disposalTarget: { year: number; targetMu: number; disposedMu: number } | null;
}

export interface FacilityDetails extends Located {
	layer: 'facilities';
	id: number;
	code: string;
	kind: string;
	nameZh: string;
	nameEn: string;
}

export type FeatureDetails = PlotDetails | BuildingDetails | ParkDetails | FacilityDetails;

export interface MapLabel {
	layer: 'parks' | 'facilities';
	id: number;
	code: string;
	kind: string;
	nameZh: string;
	nameEn: string;
	point: [number, number];
}

export interface NearbyFacility {
	kind: string;
	code: string;
	nameZh: string;
	nameEn: string;
	distanceKm: number;
}

/**
 * The address of a feature's details: by its code (地块编号 and the like, which may be all
 * digits), or by its numeric row id when the caller has one from a tile — said explicitly.
 */
export function featureUrl(layer: FeatureLayer, id: string | number): string {
	return typeof id === 'number' ? `/api/features/${layer}/${id}?by=id` : `/api/features/${layer}/${encodeURIComponent(id)}`;
}
