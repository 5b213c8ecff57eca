/** The pipeline as an Excel workbook — the weekly dispatch sheet's table: one row per project, warnings in red. */
import ExcelJS from 'exceljs';
import { translate, vocabLabel, type Locale, type MessageKey } from '../../i18n';
import type { Project } from './projects';

/** The dispatch sheet's columns, shared by the print view and the workbook. */
export function dispatchRow(p: Project, locale: Locale) {
	const t = (k: MessageKey) => translate(locale, k);
	const zh = locale === 'zh-CN';
	const open = p.problems.filter((q) => !q.resolvedOn);
	return {
		id: p.id,
		name: zh ? p.nameZh : p.nameEn,
		investor: p.investorName,
		park: (zh ? p.parkNameZh : p.parkNameEn) ?? '',
		link: (zh ? p.linkNameZh : p.linkNameEn) ?? '',
		stageLabel: vocabLabel(locale, 'project_stage', p.stage),
		investmentYi: p.investmentWan === null ? null : Math.round(p.investmentWan / 100) / 100,
		fundsYi: p.fundsInPlaceWan === null ? null : Math.round(p.fundsInPlaceWan / 100) / 100,
		officer: p.officerName,
		leader: p.leaderName,
		lastUpdate: p.lastUpdateOn ?? '',
		problems: open.map((q) => `${q.text}（${q.owner}，${q.dueOn}）`).join(zh ? '；' : '; '),
		warnings: p.warnings.map((w) => t(`pipeline.warning.${w}` as MessageKey)).join(zh ? '、' : ', ')
	};
}

export async function pipelineWorkbook(projects: readonly Project[], locale: Locale): Promise<Buffer> {
	const t = (k: MessageKey) => translate(locale, k);
	const wb = new ExcelJS.Workbook();
	wb.creator = 'SiteAtlas';
	wb.created = new Date();
	const ws = wb.addWorksheet(t('pipeline.sheet_projects'));
	ws.columns = [
		{ header: t('pipeline.col_no'), width: 6 },
		{ header: t('pipeline.col_project'), width: 30 },
		{ header: t('pipeline.col_investor'), width: 26 },
		{ header: t('pipeline.col_park'), width: 22 },
		{ header: t('pipeline.col_link'), width: 18 },
		{ header: t('pipeline.col_stage'), width: 10 },
		{ header: t('pipeline.col_investment_yi'), width: 12 },
		{ header: t('pipeline.col_funds_yi'), width: 12 },
		{ header: t('pipeline.col_officer'), width: 12 },
		{ header: t('pipeline.col_leader'), width: 12 },
		{ header: t('pipeline.col_last_update'), width: 12 },
		{ header: t('pipeline.col_problems'), width: 40 },
		{ header: t('pipeline.col_warnings'), width: 24 }
	];
	ws.getRow(1).font = { bold: true };
	for (const p of projects) {
		const r = dispatchRow(p, locale);
		const row = ws.addRow([
			r.id,
			r.name,
			r.investor,
			r.park,
			r.link,
			r.stageLabel,
			r.investmentYi,
			r.fundsYi,
			r.officer,
			r.leader,
			r.lastUpdate,
			r.problems,
			r.warnings
		]);
		if (r.warnings) row.getCell(13).font = { color: { argb: 'FFB91C1C' }, bold: true };
	}
	ws.getColumn(7).numFmt = '0.00';
	ws.getColumn(8).numFmt = '0.00';
	ws.views = [{ state: 'frozen', ySplit: 1 }];
	return Buffer.from(await wb.xlsx.writeBuffer());
}
