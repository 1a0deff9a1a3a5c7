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
import { ScopeDashboard } from './ScopeDashboard.js';

/** 园区总览: one park's year from GET /parks/{id}/overview, and its years side by side. */
export function ParkOverviewPage() {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const api = useApi();
  const [params, setParams] = useSearchParams();
  // The parks, the years and the enterprises are asked for at once; only the overviews wait.
  const organisation = useRequest('organisation', (signal) =>
    call(api.GET('/api/v1/organisation', { signal })),
  );
  const years = useRunYears();
  const parks = organisation.data?.parks ?? [];
  const park = parks.find((p) => p.id === params.get('park')) ?? parks[0];
  const overviews = useGroupOverviews('park', park?.id, years.data);
  const enterpriseIds = useEnterpriseIds(park?.id);
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
            {t('park.title')}
          </Typography.Title>
          {park && (
            <Typography.Text type="secondary" className="park-name">
              {nameOf(park, lang)}
            </Typography.Text>
          )}
        </div>
        {parks.length > 1 && (
          <Select
            id="park-select"
            style={{ width: 300 }}
            value={park?.id}
            options={parks.map((p) => ({ value: p.id, label: nameOf(p, lang) }))}
            onChange={(id: string) => set('park', id)}
          />
        )}
      </div>
      {organisation.status === 'error' ? (
        <ErrorState error={organisation.error} onRetry={organisation.reload} />
      ) : years.status === 'error' ? (
        <ErrorState error={years.error} onRetry={years.reload} />
      ) : organisation.status === 'success' && parks.length === 0 ? (
        <Typography.Text type="secondary">{t('park.noPark')}</Typography.Text>
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
