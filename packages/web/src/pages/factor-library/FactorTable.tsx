import { Empty, Grid, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { FactorJson, SetSummary } from '../../api/client.js';
import { VerificationTag } from '../../components/VerificationTag.js';
import { formatNumber } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';
import { regionLabel } from '../../regions/regions.js';
import { PAGE_SIZES } from './useFactorFilters.js';

/** `set@version`, with the set's full name on hover. */
function SetRef({ factor, title }: { factor: FactorJson; title: string }) {
  return (
    <Tooltip title={title}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {factor.set}@{factor.version}
      </Typography.Text>
    </Tooltip>
  );
}

export function FactorTable({
  items,
  total,
  page,
  pageSize,
  loading,
  sets,
  onPage,
  detailsSearch,
}: {
  items: readonly FactorJson[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  sets: readonly SetSummary[];
  onPage: (page: number, pageSize: number) => void;
  /** The URL query that opens a factor's details: a real link, so it can be opened in a new tab. */
  detailsSearch: (id: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  // On laptop screens the set gets no column of its own; it goes under the name instead, so the
  // name keeps room to be read.
  const wide = Grid.useBreakpoint().xxl === true;
  const setName = (id: string) => {
    const s = sets.find((x) => x.id === id);
    return s ? (lang === 'zh' ? s.name : s.nameEn) : id;
  };

  const columns: TableColumnsType<FactorJson> = [
    {
      key: 'name',
      title: t('factors.columns.name'),
      render: (_, f) => (
        <>
          <Link to={{ search: detailsSearch(f.id) }}>{lang === 'zh' ? f.name : f.nameEn}</Link>
          {!wide && (
            <div>
              <SetRef factor={f} title={setName(f.set)} />
            </div>
          )}
        </>
      ),
    },
    {
      key: 'kind',
      title: t('factors.columns.kind'),
      width: 130,
      responsive: ['xl'],
      render: (_, f) => t(`kind.${f.kind}`),
    },
    {
      key: 'value',
      title: t('factors.columns.value'),
      align: 'right',
      width: 160,
      render: (_, f) => (
        // Tabular figures line the decimals up down the column.
        <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
          {formatNumber(f.value, lang)} <Typography.Text type="secondary">{f.unit}</Typography.Text>
        </span>
      ),
    },
    {
      key: 'region',
      title: t('factors.columns.region'),
      width: 130,
      render: (_, f) => regionLabel(f.region, lang),
    },
    {
      key: 'year',
      title: t('factors.columns.year'),
      width: 80,
      render: (_, f) => f.year ?? t('common.none'),
    },
    {
      key: 'verification',
      title: t('factors.columns.verification'),
      width: 130,
      render: (_, f) => <VerificationTag verification={f.verification} />,
    },
    {
      key: 'set',
      title: t('factors.columns.set'),
      width: 240,
      responsive: ['xxl'],
      ellipsis: { showTitle: false },
      render: (_, f) => <SetRef factor={f} title={setName(f.set)} />,
    },
  ];

  return (
    <Table<FactorJson>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={{
        current: page,
        pageSize,
        total,
        pageSizeOptions: PAGE_SIZES.map(String),
        showSizeChanger: true,
        showTotal: (count) => t('factors.total', { total: formatNumber(count, lang) }),
        onChange: onPage,
      }}
      locale={{
        emptyText: loading ? (
          <div style={{ height: 120 }} />
        ) : (
          <Empty description={t('factors.empty')}>
            <Typography.Text type="secondary">{t('factors.emptyHint')}</Typography.Text>
          </Empty>
        ),
      }}
    />
  );
}
