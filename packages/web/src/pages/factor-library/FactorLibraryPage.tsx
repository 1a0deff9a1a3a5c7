import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/useRequest.js';
import { ErrorState } from '../../components/ErrorState.js';
import { shortLanguage } from '../../i18n/index.js';
import { FactorDrawer } from './FactorDrawer.js';
import { FactorFilters } from './FactorFilters.js';
import { FactorTable } from './FactorTable.js';
import { GridFactorChart } from './GridFactorChart.js';
import { factorFiltersToParams, useFactorFilters } from './useFactorFilters.js';

/** 排放因子库: search and filter the factor base, read each factor's provenance. */
export function FactorLibraryPage() {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const api = useApi();
  const { filters, setFilters, resetFilters, setPage, openFactor } = useFactorFilters();

  const sets = useRequest('factor-sets', (signal) =>
    call(api.GET('/api/v1/factor-sets', { signal })),
  );
  // The drawer's id is not part of the search: opening details must not reload the table.
  const searchKey = factorFiltersToParams({ ...filters, factor: undefined }).toString();
  const factors = useRequest(`factors?${searchKey}`, (signal) =>
    call(
      api.GET('/api/v1/factors', {
        params: {
          query: {
            q: filters.q,
            kind: filters.kind,
            region: filters.region,
            year: filters.year,
            set: filters.set,
            limit: filters.pageSize,
            offset: (filters.page - 1) * filters.pageSize,
          },
        },
        signal,
      }),
    ),
  );
  const setList = sets.data ?? [];
  const items = factors.data?.items ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('factors.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('factors.intro')}</Typography.Text>
      </div>
      <Card>
        <FactorFilters
          filters={filters}
          sets={setList}
          onChange={setFilters}
          onReset={resetFilters}
        />
        {factors.status === 'error' && (
          <div style={{ marginBottom: 16 }}>
            <ErrorState error={factors.error} onRetry={factors.reload} />
          </div>
        )}
        <FactorTable
          items={factors.status === 'error' ? [] : items}
          total={factors.data?.total ?? 0}
          page={filters.page}
          pageSize={filters.pageSize}
          loading={factors.status === 'loading'}
          sets={setList}
          onPage={setPage}
          detailsSearch={(id) => factorFiltersToParams({ ...filters, factor: id }).toString()}
        />
      </Card>
      <GridFactorChart onSelect={(f) => openFactor(f.id)} />
      <FactorDrawer
        id={filters.factor}
        sets={setList}
        titleOf={(id) => {
          const row = items.find((f) => f.id === id);
          return row && (lang === 'zh' ? row.name : row.nameEn);
        }}
        onClose={() => openFactor(undefined)}
      />
    </Space>
  );
}
