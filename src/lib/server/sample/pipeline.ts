/**
 * The sample zone's promotion pipeline, made from the generated zone with its own seed (so the
 * map's sample stays as it was): this year's signed projects to the plan's figures (25 signed,
 * 18 of them started: 履约率 72%), officers, leaders, milestones, problems and weekly updates for
 * every project, enquiries in every status (a few left uncontacted too long), the parks' targets
 * for projects and funds, target firms for the chains' gap links, and twelve weeks of demand
 * counts and page views. SAMPLE DATA, like the rest of the zone.
 */
import { Random } from './random';
import { CHAIN_GAPS, addDays, isoDate, personName, type SampleZone } from './generate';
import { CHAINS } from './taxonomy';
import { mondayOf } from '../../domain/pipeline';
import { cellOf } from '../../domain/demand';
import type { EnquiryLostReason, EnquiryStatus, ProjectStage } from '../../domain/vocab';

export interface SampleProjectPlan {
	/** The project's plot (existing projects) or the new project itself. */
	plot: string | null;
	building: string | null;
	nameZh: string;
	nameEn: string;
	investorName: string;
	link: string;
	stage: ProjectStage;
	investmentWan: number;
	fundsInPlaceWan: number;
	foreignCapitalUsd: number;
	leadAt: string;
	negotiationAt: string | null;
	signedAt: string | null;
	startedAt: string | null;
	productionAt: string | null;
	feedbackAt: string | null;
	officer: string;
	leader: string;
	milestones: { text: string; due: string | null; done: boolean }[];
	problems: { text: string; owner: string; dueOn: string; resolvedOn: string | null }[];
	updates: { weekOf: string; progress: string; nextSteps: string; fundsInPlaceWan: number | null }[];
}

export interface SampleEnquiry {
	siteKind: 'plot' | 'building' | 'park';
	site: string;
	company: string;
	contactName: string;
	contactEmail: string | null;
	contactPhone: string | null;
	industry: string | null;
	spaceNeededM2: number | null;
	message: string;
	locale: 'zh-CN' | 'en';
	status: EnquiryStatus;
	lostReason: EnquiryLostReason | null;
	receivedAt: string;
	contactedAt: string | null;
	/** The demo account that owns it (by email), or none. */
	owner: string | null;
	notes: string[];
}

export interface SamplePipeline {
	/** Every project with its pipeline details: the generator's own (by plot) and this year's new ones. */
	projects: SampleProjectPlan[];
	enquiries: SampleEnquiry[];
	targets: { park: string; projectsToSign: number; fundsYi: number; foreignCapitalUsd: number }[];
	targetFirms: { link: string; name: string; location: string; reason: string; owner: string; status: string }[];
	demand: { weekOf: string; industry: string; areaBand: string; landUse: string; cell: string; found: boolean; searches: number }[];
	views: { siteKind: 'plot' | 'building' | 'park'; site: string; day: string; views: number }[];
}

const PIPELINE_SEED = 20261202;
const LEADERS = ['区委副书记 王建国', '管委会主任 李明', '管委会副主任 张海涛', '管委会副主任 刘静', '招商局局长 陈伟'];
const PROBLEMS = [
	['施工用电临时接入', '园区供电所'],
	['环评批复待出', '生态环境分局'],
	['规划许可材料补正', '自然资源和规划分局'],
	['设备进口清关', '综合保税区'],
	['员工宿舍配套', '园区运营公司'],
	['融资贷款审批', '金融服务中心']
] as const;
const PROGRESS = ['主体结构施工中', '钢结构吊装完成六成', '设备基础浇筑完成', '厂房封顶，开始内部装修', '主要设备进场安装', '试生产准备'];
const NEXT = ['推进设备采购招标', '协调供电线路接入', '组织竣工验收', '办理排污许可', '开展员工招聘'];
const CITIES = ['江苏苏州', '浙江宁波', '广东深圳', '上海', '北京', '天津', '辽宁大连', '德国斯图加特', '日本大阪', '韩国首尔'];

const d = (x: Date) => isoDate(x);

export function generatePipeline(zone: SampleZone): SamplePipeline {
	const rng = new Random(PIPELINE_SEED);
	const today = new Date(`${zone.asOf}T00:00:00Z`);
	const year = today.getUTCFullYear();
	const yearStart = new Date(Date.UTC(year, 0, 1));
	const daysIn = Math.max(30, Math.round((today.getTime() - yearStart.getTime()) / 86400_000));
	const officers = Array.from({ length: 8 }, () => personName(rng));
	const linkOf = new Map(CHAINS.flatMap((c) => c.links.map((l) => [l.code, { chain: c, link: l }] as const)));

	// ------------------------------------------------ the generator's projects, with their details
	const projects: SampleProjectPlan[] = zone.projects.map((p) => ({
		...p,
		building: null,
		negotiationAt: p.stage === 'lead' ? null : d(addDays(new Date(p.leadAt), rng.int(15, 50))),
		feedbackAt: p.stage === 'feedback' && p.productionAt ? d(addDays(new Date(p.productionAt), rng.int(60, 200))) : null,
		officer: '',
		leader: '',
		milestones: [],
		problems: [],
		updates: []
	}));
	// Dates of the generator's projects never pass each other (negotiation before signing).
	for (const p of projects) if (p.negotiationAt && p.signedAt && p.negotiationAt > p.signedAt) p.negotiationAt = p.signedAt;

	// ------------------------------------------------ this year's signed projects, to the plan's 25 and 18
	const used = new Set(projects.map((p) => p.plot));
	const signedThisYear = () => projects.filter((p) => p.signedAt?.startsWith(String(year))).length;
	const startedThisYear = () => projects.filter((p) => p.signedAt?.startsWith(String(year)) && p.startedAt).length;
	const free = (statuses: string[]) => zone.plots.filter((p) => statuses.includes(p.supplyStatus) && !used.has(p.code));
	const factories = zone.buildings.filter((b) => b.kind === 'standard_factory' && b.published);
	let f = 0;
	while (signedThisYear() < 25) {
		const start = startedThisYear() < 18;
		const production = start && rng.chance(0.2);
		const pool = free(production ? ['in_production'] : start ? ['under_construction'] : ['signed']);
		const plot = pool.length ? rng.pick(pool) : null;
		const building = plot ? null : factories[f++ % factories.length];
		if (plot) used.add(plot.code);
		const park = plot?.park ?? building!.park;
		const chainCode = rng.pick(CHAINS.filter((c) => c.industry !== 'modern_services' || park === 'PL')).code;
		const chain = CHAINS.find((c) => c.code === chainCode)!;
		const link = rng.pick(chain.links);
		const signed = addDays(yearStart, rng.int(5, daysIn - 20));
		const started = start ? addDays(signed, rng.int(10, Math.max(11, Math.min(120, Math.round((today.getTime() - signed.getTime()) / 86400_000) - 1)))) : null;
		const prod = production && started ? addDays(started, Math.max(1, Math.round((today.getTime() - started.getTime()) / 86400_000 / 2))) : null;
		const investment = Math.round(rng.range(8_000, 150_000) / 100) * 100;
		const lead = addDays(signed, -rng.int(60, 240));
		const investor = `${rng.pick(['山东', '江苏', '浙江', '广东', '上海', '天津'])}${rng.pick(['华信', '中科', '鼎盛', '恒通', '瑞丰', '海纳', '德林', '金源'])}${link.nameZh.replace(/[／/].*$/, '')}科技有限公司`;
		projects.push({
			plot: plot?.code ?? null,
			building: building?.code ?? null,
			nameZh: `${link.nameZh}项目（${plot?.code ?? building!.code}）`,
			nameEn: `${link.nameEn} project (${plot?.code ?? building!.code})`,
			investorName: investor,
			link: link.code,
			stage: prod ? 'production' : started ? 'construction' : 'signed',
			investmentWan: investment,
			fundsInPlaceWan: started ? Math.round((investment * rng.range(0.15, 0.7)) / 10) * 10 : Math.round((investment * rng.range(0, 0.1)) / 10) * 10,
			foreignCapitalUsd: rng.chance(0.2) ? Math.round(rng.range(2, 30)) * 1_000_000 : 0,
			leadAt: d(lead),
			negotiationAt: d(addDays(lead, rng.int(10, 40))),
			signedAt: d(signed),
			startedAt: started ? d(started) : null,
			productionAt: prod ? d(prod) : null,
			feedbackAt: null,
			officer: '',
			leader: '',
			milestones: [],
			problems: [],
			updates: []
		});
	}

	// ------------------------------------------------ officers, leaders, milestones, problems, weekly updates
	const thisWeek = mondayOf(zone.asOf);
	for (const [i, p] of projects.entries()) {
		p.officer = officers[i % officers.length];
		p.leader = rng.pick(LEADERS);
		const signedAt = p.signedAt ? new Date(p.signedAt) : null;
		if (p.stage === 'signed' && signedAt) {
			p.milestones = [
				{ text: '取得施工许可', due: d(addDays(signedAt, 90)), done: rng.chance(0.4) },
				{ text: '开工建设', due: d(addDays(signedAt, 150)), done: false }
			];
		}
		if (p.stage === 'construction' && p.startedAt) {
			const started = new Date(p.startedAt);
			p.milestones = [
				{ text: '主体结构封顶', due: d(addDays(started, 180)), done: rng.chance(0.5) },
				{ text: '设备安装调试', due: d(addDays(started, 300)), done: false },
				{ text: '竣工投产', due: d(addDays(started, 420)), done: false }
			];
			// Weekly updates; every fourth project has not reported for a while (stalled).
			const stalled = i % 4 === 0;
			const weeks = Math.min(10, Math.floor((today.getTime() - started.getTime()) / (7 * 86400_000)));
			for (let w = stalled ? 6 : 0; w < weeks; w++) {
				p.updates.push({
					weekOf: mondayOf(d(addDays(new Date(`${thisWeek}T00:00:00Z`), -7 * w))),
					progress: rng.pick(PROGRESS),
					nextSteps: rng.pick(NEXT),
					fundsInPlaceWan: w === 0 || (stalled && w === 6) ? p.fundsInPlaceWan : null
				});
			}
		}
		if (p.stage !== 'lead' && rng.chance(0.45)) {
			const n = rng.int(1, 2);
			for (let k = 0; k < n; k++) {
				const [text, owner] = rng.pick(PROBLEMS);
				const due = addDays(today, rng.int(-40, 40));
				const resolved = due < today && rng.chance(0.5) ? d(addDays(due, -rng.int(1, 10))) : null;
				if (!p.problems.some((q) => q.text === text)) p.problems.push({ text, owner, dueOn: d(due), resolvedOn: resolved });
			}
		}
	}

	// ------------------------------------------------ the parks' targets for the year (the plan's 25 projects)
	const targets = [
		{ park: 'NM', projectsToSign: 8, fundsYi: 22, foreignCapitalUsd: 30_000_000 },
		{ park: 'TE', projectsToSign: 7, fundsYi: 18, foreignCapitalUsd: 20_000_000 },
		{ park: 'AV', projectsToSign: 4, fundsYi: 8, foreignCapitalUsd: 10_000_000 },
		{ park: 'PL', projectsToSign: 3, fundsYi: 5, foreignCapitalUsd: 5_000_000 },
		{ park: 'SE', projectsToSign: 3, fundsYi: 4, foreignCapitalUsd: 5_000_000 }
	];

	// ------------------------------------------------ target firms for the gap links (招商目录)
	const targetFirms: SamplePipeline['targetFirms'] = [];
	for (const code of Object.keys(CHAIN_GAPS)) {
		const { link } = linkOf.get(code)!;
		const n = rng.int(1, 3);
		for (let k = 0; k < n; k++) {
			targetFirms.push({
				link: code,
				name: `${rng.pick(['中材', '国瓷', '中复', '华峰', '宝武', '中车', '金发', '万华'])}${link.nameZh.replace(/[／/].*$/, '')}${rng.pick(['股份有限公司', '集团有限公司', '科技有限公司'])}（示例）`,
				location: rng.pick(CITIES),
				reason: rng.pick([
					'补齐本环节空白，可就近配套区内上下游企业',
					'行业龙头，有在北方布局新基地的计划',
					'与区内企业已有供货关系',
					'技术领先，产品可替代进口'
				]),
				owner: officers[k % officers.length],
				status: rng.pick(['listed', 'contacted', 'visited', 'negotiating'])
			});
		}
	}

	// ------------------------------------------------ enquiries in every status
	const sites = [
		...zone.plots.filter((p) => p.supplyStatus === 'available').map((p) => ({ kind: 'plot' as const, code: p.code, park: p.park })),
		...zone.buildings.filter((b) => b.published).map((b) => ({ kind: 'building' as const, code: b.code, park: b.park }))
	];
	const statuses: [EnquiryStatus, number][] = [
		['new', 7],
		['contacted', 8],
		['visiting', 5],
		['negotiating', 5],
		['won', 3],
		['lost', 6]
	];
	const enquiries: SampleEnquiry[] = [];
	const lost: EnquiryLostReason[] = ['no_fit', 'price', 'location', 'chose_elsewhere', 'no_response', 'postponed'];
	for (const [status, n] of statuses) {
		for (let k = 0; k < n; k++) {
			const site = rng.pick(sites);
			const en = rng.chance(0.25);
			const chain = rng.pick(CHAINS);
			// Two new ones came in over a week ago and nobody has called yet.
			const ago = status === 'new' ? (k < 2 ? rng.int(8, 12) : rng.int(0, 2)) : rng.int(5, 110);
			const received = addDays(today, -ago);
			const person = personName(rng);
			enquiries.push({
				siteKind: site.kind,
				site: site.code,
				company: en
					? `${rng.pick(['Nordwerk', 'Kaiyo', 'Hanil', 'Lumen', 'Arcadia'])} ${rng.pick(['Materials', 'Industries', 'Technologies'])} (sample)`
					: `${rng.pick(['青岛', '潍坊', '淄博', '济南', '苏州', '宁波'])}${rng.pick(['新源', '博远', '同创', '华腾', '卓越'])}${chain.nameZh}有限公司（示例）`,
				contactName: en ? rng.pick(['Anna Becker', 'Kenji Sato', 'Min-jun Park', 'Laura Rossi']) : person,
				...contactOf(rng, enquiries.length + 1),
				industry: chain.industry,
				spaceNeededM2: site.kind === 'plot' ? Math.round(rng.range(15, 120)) * 666.67 : Math.round(rng.range(300, 5000)),
				message: en
					? 'We are looking for a site for a new production line and would like to know the price and when we could start.'
					: rng.pick(['想了解一下地块的价格和交地时间。', '计划新建生产线，请介绍一下配套和优惠政策。', '希望安排一次实地考察。', '请问厂房能否按需定制？']),
				locale: en ? 'en' : 'zh-CN',
				status,
				lostReason: status === 'lost' ? lost[k % lost.length] : null,
				receivedAt: received.toISOString(),
				contactedAt: status === 'new' ? null : addDays(received, rng.int(0, 2)).toISOString(),
				owner: status === 'new' && k < 4 ? null : rng.pick(['staff@demo.siteatlas', `editor-${site.park.split('-')[0].toLowerCase()}@demo.siteatlas`]),
				notes:
					status === 'new'
						? []
						: [rng.pick(['已电话沟通，对方关注交地时间和电价。', '已发送园区介绍和政策汇编。', '对方下月来访，需准备考察路线。', '对方在比较两个地区的方案。'])]
			});
		}
	}

	// ------------------------------------------------ twelve weeks of demand and page views
	const demand: SamplePipeline['demand'] = [];
	const views: SamplePipeline['views'] = [];
	const bands = ['lt_10', '10_30', '30_100', '100_300', 'gt_300'];
	const uses = ['', 'industrial', 'industrial', 'logistics', 'research'];
	const industries = zone.industries.map((i) => i.code);
	for (let w = 0; w < 12; w++) {
		const week = mondayOf(d(addDays(new Date(`${thisWeek}T00:00:00Z`), -7 * w)));
		for (let k = 0; k < 14; k++) {
			const site = rng.pick(sites);
			const cell = rng.chance(0.6) ? cellNear(zone, site, rng) : '';
			const band = rng.pick(bands);
			// Large plots for new materials are what the zone cannot offer: the unmet demand.
			const found = !(band === 'gt_300' || (band === '100_300' && rng.chance(0.6)));
			const key = { weekOf: week, industry: rng.pick(industries), areaBand: band, landUse: rng.pick(uses), cell, found };
			const same = demand.find((x) => JSON.stringify({ ...x, searches: 0 }) === JSON.stringify({ ...key, searches: 0 }));
			if (same) same.searches += 1;
			else demand.push({ ...key, searches: rng.int(1, 6) });
		}
	}
	// Attention is uneven, as on a real portal: a few sites draw most of the views, and the
	// available plots of the zone's lead parks more than the rest (so the demand heat map shows
	// where investors look, not noise).
	const weights = sites.map((s, i) => (s.kind === 'plot' && ['NM', 'SE', 'PL'].some((p) => s.park.startsWith(p)) ? 3 : 1) / (1 + ((i * 7919) % 37)) ** 0.9);
	const total = weights.reduce((a, b) => a + b, 0);
	const pickViewed = () => {
		let r = rng.next() * total;
		for (let i = 0; i < sites.length; i++) if ((r -= weights[i]) <= 0) return sites[i];
		return sites[sites.length - 1];
	};
	for (let day = 0; day < 84; day++) {
		const date = d(addDays(today, -day));
		for (let k = 0; k < 24; k++) {
			const site = pickViewed();
			const same = views.find((v) => v.site === site.code && v.day === date && v.siteKind === site.kind);
			if (same) same.views += 1;
			else views.push({ siteKind: site.kind, site: site.code, day: date, views: rng.int(1, 9) });
		}
	}
	return { projects, enquiries, targets, targetFirms, demand, views };
}

/** An email, a phone or both — an enquiry always leaves one. */
function contactOf(rng: Random, n: number): { contactEmail: string | null; contactPhone: string | null } {
	const email = rng.chance(0.8) ? `contact${n}@example.com` : null;
	const phone = !email || rng.chance(0.6) ? `1${rng.int(3, 8)}${rng.int(100000000, 999999999)}` : null;
	return { contactEmail: email, contactPhone: phone };
}

/** A 0.02° cell (its centre, as the finder counts them) near a site's park. */
function cellNear(zone: SampleZone, site: { park: string }, rng: Random): string {
	const park = zone.parks.find((p) => p.code === site.park)!;
	const ring = park.boundary.coordinates[0][0];
	const lon = ring.reduce((s, c) => s + c[0], 0) / ring.length + rng.range(-0.03, 0.03);
	const lat = ring.reduce((s, c) => s + c[1], 0) / ring.length + rng.range(-0.03, 0.03);
	return cellOf({ circle: { lon, lat, radiusKm: 1 } });
}
