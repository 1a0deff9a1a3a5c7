import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useApi } from '../../api/ApiContext.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/useRequest.js';
import { ErrorState } from '../../components/ErrorState.js';
import { nameOf } from '../../enterprise/EnterpriseBar.js';
import {
  useEnterpriseIds,
  useGroupOverviews,
  useRunYears,
} from '../../figures/useGroupOverview.js';
import { shortLanguage } from '../../i18n/index.js';
import { ScopeDashboard } from '../park/ScopeDashboard.js';

/**
 * 区域总览: a region's year (with the regions beneath it) from GET /regions/{id}/overview. The
 * selector lists the regions the user may open (GET /regions), indented by level; without a
 * choice, the highest one.
 */
export function RegionOverviewPage() {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const regions = useRequest(
    'regions',
    async (signal) => (await call(api.GET('/api/v1/regions', { signal }))).items,
  );
  const years = useRunYears();
  const list = regions.data ?? [];
  const region = list.find((r) => r.id === params.get('region')) ?? list[0];
  const overviews = useGroupOverviews('region', region?.id, years.data);
  const enterpriseIds = useEnterpriseIds(undefined);
  const top = Math.min(...list.map((r) => r.level));
  const set = (key: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set(key, value);
      return next;
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, justifyContent: 'space-between' }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('region.title')}
          </Typography.Title>
          {region && (
            <Typography.Text type="secondary" className="region-name">
              {nameOf(region, lang)}
            </Typography.Text>
          )}
        </div>
        {list.length > 1 && (
          <Select
            id="region-select"
            style={{ width: 300 }}
            value={region?.id}
            aria-label={t('scope.region')}
            options={list.map((r) => ({
              value: r.id,
              // indented by depth below the highest region listed, so the tree reads at a glance
              label: `${'\u3000'.repeat(r.level - top)}${nameOf(r, lang)}`,
            }))}
            onChange={(id: string) => set('region', id)}
          />
        )}
      </div>
      {regions.status === 'error' ? (
        <ErrorState error={regions.error} onRetry={regions.reload} />
      ) : years.status === 'error' ? (
        <ErrorState error={years.error} onRetry={years.reload} />
      ) : regions.status === 'success' && list.length === 0 ? (
        <Typography.Text type="secondary">{t('scope.noRegion')}</Typography.Text>
      ) : (
        <ScopeDashboard
          overviews={overviews}
          year={Number(params.get('year')) || undefined}
          onYear={(y) => set('year', String(y))}
          enterpriseIds={enterpriseIds}
        />
      )}
    </Space>
  );
}
