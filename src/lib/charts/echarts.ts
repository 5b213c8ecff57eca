/** ECharts with only what the boards draw: bar and line charts, grid, legend, tooltip, the SVG renderer. */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

let registered = false;

export async function loadECharts() {
	if (!registered) {
		echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);
		registered = true;
	}
	return echarts;
}

/** A chart rendered to an SVG string (server side, for print): no DOM, no canvas. */
export async function renderSvg(option: Record<string, unknown>, width: number, height: number): Promise<string> {
	const e = await loadECharts();
	const chart = e.init(null, null, { renderer: 'svg', ssr: true, width, height });
	chart.setOption({ ...option, animation: false });
	const svg = chart.renderToSVGString();
	chart.dispose();
	return svg;
}
