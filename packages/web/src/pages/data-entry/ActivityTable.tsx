import { Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActivityVersion, EmissionSource } from '../../api/types.js';
import { nameOf } from '../../enterprise/EnterpriseBar.js';
import { formatNumber } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

interface SourceRow {
  readonly source: EmissionSource;
  readonly cells: ReadonlyMap<string, ActivityVersion>;
}

/** The year's current figures: one row per emission source, one column per month. */
export function ActivityTable({
  sources,
  activity,
  year,
  loading,
}: {
  sources: readonly EmissionSource[];
  activity: readonly ActivityVersion[];
  year: number;
  loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const rows: SourceRow[] = sources.map((source) => ({
    source,
    cells: new Map(
      activity.filter((a) => a.sourceId === source.id).map((a) => [a.month.slice(5, 7), a]),
    ),
  }));
  const unitOf = (row: SourceRow) => [...row.cells.values()][0]?.quantity.unit ?? '';
  return (
    <Table<SourceRow>
      size="small"
      className="activity-table"
      loading={loading}
      rowKey={(r) => r.source.id}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1300 }}
      columns={[
        {
          title: t('dataEntry.source'),
          key: 'source',
          fixed: 'left',
          width: 220,
          render: (_, r) => (
            <span>
              {nameOf(r.source, lang)}
              <br />
              <small style={{ color: '#8c8c8c' }}>
                {r.source.code} ·{' '}
                {t(`lineKind.${r.source.category}`, { defaultValue: r.source.category })}
              </small>
            </span>
          ),
        },
        { title: t('dataEntry.unit'), key: 'unit', width: 80, render: (_, r) => unitOf(r) },
        ...MONTHS.map((m) => ({
          title: lang === 'zh' ? `${Number(m)}月` : `${year}-${m}`,
          key: m,
          align: 'right' as const,
          width: 90,
          render: (_: unknown, r: SourceRow) => {
            const cell = r.cells.get(m);
            if (!cell) return <span style={{ color: '#bfbfbf' }}>—</span>;
            return (
              <Tooltip
                title={t('dataEntry.cellTip', {
                  version: cell.version,
                  by: cell.recordedBy,
                  at: new Date(cell.recordedAt).toLocaleString(i18n.language),
                  reason: cell.reason,
                })}
              >
                <span>{formatNumber(cell.quantity.value, lang, 3)}</span>
              </Tooltip>
            );
          },
        })),
      ]}
    />
  );
}
