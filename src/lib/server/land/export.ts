/** The disposal board as an Excel workbook for the weekly dispatch meeting: the parks' progress, then every case listed. */
import ExcelJS from 'exceljs';
import { translate, vocabLabel, type Locale, type MessageKey } from '../../i18n';
import type { Board } from './board';
import { groundsText } from '../../i18n/land-format';
import { m2ToMu, roundTo } from '../../domain/units';

export async function boardWorkbook(board: Board, locale: Locale): Promise<Buffer> {
	const t = (k: MessageKey, p?: Record<string, string | number>) => translate(locale, k, p);
	const zh = locale === 'zh-CN';
	const wb = new ExcelJS.Workbook();
	wb.creator = 'SiteAtlas';
	wb.created = new Date();
	const parks = wb.addWorksheet(t('land.sheet_parks'));
	parks.columns = [
		{ header: t('land.col_park'), width: 26 },
		{ header: t('land.col_target'), width: 12 },
		{ header: t('land.col_disposed'), width: 12 },
		{ header: t('land.col_in_progress'), width: 12 },
		{ header: t('land.col_not_started'), width: 12 },
		{ header: t('land.col_share'), width: 10 },
		{ header: t('land.col_overdue'), width: 10 },
		{ header: t('land.col_due_soon'), width: 12 }
	];
	const parkRow = (name: string, p: Board['zone']) => [name, p.targetMu, p.disposedMu, p.inProgressMu, p.notStartedMu, p.shareDone, p.overdue, p.dueSoon];
	for (const p of board.parks) parks.addRow(parkRow(zh ? p.nameZh : p.nameEn, p));
	parks.addRow(parkRow(t(board.wholeZone ? 'land.zone' : 'land.my_parks'), board.zone)).font = { bold: true };
	parks.getColumn(6).numFmt = '0.0%';
	parks.getRow(1).font = { bold: true };

	const cases = wb.addWorksheet(t('land.sheet_cases'));
	cases.columns = [
		{ header: t('land.col_case'), width: 8 },
		{ header: t('land.col_park'), width: 22 },
		{ header: t('land.col_plot'), width: 14 },
		{ header: t('land.col_area_mu'), width: 10 },
		{ header: t('land.col_kind'), width: 12 },
		{ header: t('land.col_grounds'), width: 50 },
		{ header: t('land.col_stage'), width: 10 },
		{ header: t('land.col_method'), width: 16 },
		{ header: t('land.col_officer'), width: 10 },
		{ header: t('land.col_deadline'), width: 12 },
		{ header: t('land.col_due'), width: 14 },
		{ header: t('land.col_steps'), width: 10 },
		{ header: t('land.col_decided'), width: 12 },
		{ header: t('land.col_completed'), width: 12 }
	];
	cases.getRow(1).font = { bold: true };
	for (const c of board.cases) {
		const row = cases.addRow([
			c.id,
			zh ? c.parkNameZh : c.parkNameEn,
			c.plotCode,
			roundTo(m2ToMu(c.areaM2), 1),
			vocabLabel(locale, 'land_kind', c.kind),
			groundsText(locale, c.grounds),
			vocabLabel(locale, 'land_stage', c.stage),
			c.method ? vocabLabel(locale, 'disposal_method', c.method) : '',
			c.officer ?? '',
			c.deadline ?? '',
			c.overdue ? t('land.overdue') : c.dueSoon ? t('land.due_soon') : '',
			c.steps.length ? `${c.stepsDone}/${c.steps.length}` : '',
			c.decidedOn ?? '',
			c.completedOn ?? ''
		]);
		if (c.overdue) row.getCell(11).font = { color: { argb: 'FFB91C1C' }, bold: true };
		else if (c.dueSoon) row.getCell(11).font = { color: { argb: 'FFB45309' }, bold: true };
	}
	cases.views = [{ state: 'frozen', ySplit: 1 }];
	return Buffer.from(await wb.xlsx.writeBuffer());
}
