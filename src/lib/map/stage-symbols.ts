/**
 * The 挂图作战 map's symbols, one per project stage: a shape and a colour that tell the stages
 * apart on screen and on a greyscale print alike (the shape alone is enough). The same paths
 * draw the map icons, the legend and the printed dispatch sheet's map. Paths are in a 20 × 20 box.
 */
import type { ProjectStage } from '../domain/vocab';

export const STAGE_SYMBOLS: Record<ProjectStage, { colour: string; path: string }> = {
	lead: { colour: '#64748b', path: 'M10 3 A7 7 0 1 1 9.99 3 Z' },
	negotiation: { colour: '#0891b2', path: 'M10 2 L18 10 L10 18 L2 10 Z' },
	signed: { colour: '#7c3aed', path: 'M3 3 H17 V17 H3 Z' },
	construction: { colour: '#d97706', path: 'M10 2 L18.5 17 H1.5 Z' },
	production: { colour: '#15803d', path: 'M10 1.5 L12.6 7.2 L18.8 7.8 L14.1 12 L15.5 18.2 L10 15 L4.5 18.2 L5.9 12 L1.2 7.8 L7.4 7.2 Z' },
	feedback: { colour: '#1d4ed8', path: 'M6 2.5 H14 L18.5 10 L14 17.5 H6 L1.5 10 Z' }
};

/** The red ring drawn around a project that raises a warning. */
export const WARNING_COLOUR = '#dc2626';
