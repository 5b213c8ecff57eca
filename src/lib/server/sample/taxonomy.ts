/**
 * The zone's industry taxonomy: three leading industries plus modern services and the
 * digital economy, the five material chains of the new-materials plan and one chain for
 * each other industry. Links run upstream (position 1) to downstream.
 */
export interface IndustryDef {
	code: string;
	nameZh: string;
	nameEn: string;
	grp: 'leading' | 'services' | 'digital';
}

export interface ChainDef {
	code: string;
	industry: string;
	nameZh: string;
	nameEn: string;
	links: { code: string; nameZh: string; nameEn: string }[];
}

export const INDUSTRIES: IndustryDef[] = [
	{ code: 'new_materials', nameZh: '新材料', nameEn: 'New materials', grp: 'leading' },
	{ code: 'transport_equipment', nameZh: '交通装备', nameEn: 'Transport equipment', grp: 'leading' },
	{ code: 'aerospace', nameZh: '航空航天', nameEn: 'Aerospace', grp: 'leading' },
	{ code: 'modern_services', nameZh: '现代服务业', nameEn: 'Modern services', grp: 'services' },
	{ code: 'digital_economy', nameZh: '数字经济', nameEn: 'Digital economy', grp: 'digital' }
];

const link = (code: string, nameZh: string, nameEn: string) => ({ code, nameZh, nameEn });

export const CHAINS: ChainDef[] = [
	{
		code: 'functional_ceramics',
		industry: 'new_materials',
		nameZh: '功能陶瓷',
		nameEn: 'Functional ceramics',
		links: [
			link('fc_powder', '高纯陶瓷粉体', 'High-purity ceramic powders'),
			link('fc_substrate', '陶瓷基板与元件', 'Ceramic substrates and components'),
			link('fc_device', '电子陶瓷器件', 'Electronic ceramic devices')
		]
	},
	{
		code: 'rare_earth_catalysis',
		industry: 'new_materials',
		nameZh: '稀土催化材料',
		nameEn: 'Rare-earth catalytic materials',
		links: [
			link('re_oxide', '稀土氧化物', 'Rare-earth oxides'),
			link('re_catalyst', '稀土催化剂', 'Rare-earth catalysts'),
			link('re_converter', '尾气净化器', 'Exhaust purifiers')
		]
	},
	{
		code: 'high_performance_fibre',
		industry: 'new_materials',
		nameZh: '高性能纤维',
		nameEn: 'High-performance fibre',
		links: [
			link('hf_precursor', '原丝', 'Precursor fibre'),
			link('hf_fibre', '碳纤维/芳纶', 'Carbon and aramid fibre'),
			link('hf_fabric', '织物与预浸料', 'Fabrics and prepregs')
		]
	},
	{
		code: 'advanced_composites',
		industry: 'new_materials',
		nameZh: '先进复合材料',
		nameEn: 'Advanced composites',
		links: [
			link('ac_resin', '树脂基体', 'Resin matrices'),
			link('ac_parts', '复合材料构件', 'Composite parts'),
			link('ac_application', '终端应用', 'End applications')
		]
	},
	{
		code: 'copper_materials',
		industry: 'new_materials',
		nameZh: '铜基材料',
		nameEn: 'Copper-based materials',
		links: [
			link('cu_cathode', '阴极铜', 'Copper cathode'),
			link('cu_rod', '铜杆铜线', 'Copper rod and wire'),
			link('cu_foil', '铜箔与铜板带', 'Copper foil and strip'),
			link('cu_cable', '电线电缆', 'Wire and cable')
		]
	},
	{
		code: 'rail_wheelset',
		industry: 'transport_equipment',
		nameZh: '轨道交通轮对',
		nameEn: 'Rail wheelsets',
		links: [
			link('rw_steel', '车轮钢材', 'Wheel steel'),
			link('rw_wheel', '车轮', 'Wheels'),
			link('rw_axle', '车轴', 'Axles'),
			link('rw_wheelset', '轮对总成', 'Wheelset assembly')
		]
	},
	{
		code: 'general_aviation',
		industry: 'aerospace',
		nameZh: '通用航空',
		nameEn: 'General aviation',
		links: [
			link('ga_material', '航空材料', 'Aviation materials'),
			link('ga_component', '航空零部件', 'Aircraft components'),
			link('ga_assembly', '整机制造', 'Aircraft assembly'),
			link('ga_mro', '维修与运营', 'Maintenance and operation')
		]
	},
	{
		code: 'port_logistics',
		industry: 'modern_services',
		nameZh: '港口物流',
		nameEn: 'Port logistics',
		links: [
			link('pl_storage', '仓储', 'Warehousing'),
			link('pl_forwarding', '货运代理', 'Freight forwarding'),
			link('pl_scf', '供应链金融', 'Supply-chain finance')
		]
	},
	{
		code: 'industrial_internet',
		industry: 'digital_economy',
		nameZh: '工业互联网',
		nameEn: 'Industrial internet',
		links: [
			link('ii_sensor', '传感与采集', 'Sensing and data capture'),
			link('ii_platform', '工业互联网平台', 'Industrial internet platforms'),
			link('ii_app', '行业应用', 'Industry applications')
		]
	}
];
