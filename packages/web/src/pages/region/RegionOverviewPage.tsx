import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useApi } from '../../api/ApiContext.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/useRequest.js';
import { nameOf } from '../../enterprise/EnterpriseBar.js';
import { useScopeFigures } from '../../figures/useScopeFigures.js';
import { shortLanguage } from '../../i18n/index.js';
import { ScopeDashboard } from '../park/ScopeDashboard.js';

/** 区域总览: every enterprise in the user's region, by park and by sector. */
export function RegionOverviewPage() {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const organisation = useRequest('organisation', (signal) =>
    call(api.GET('/api/v1/organisation', { signal })),
  );
  const figures = useScopeFigures(undefined);
  const regions = organisation.data?.regions ?? [];
  // The region named is the deepest one the user sees: the one without visible children.
  const leaf = regions.find((r) => !regions.some((c) => c.parentId === r.id));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('region.title')}
        </Typography.Title>
        {leaf && <Typography.Text type="secondary">{nameOf(leaf, lang)}</Typography.Text>}
      </div>
      <ScopeDashboard
        figures={figures}
        year={Number(params.get('year')) || undefined}
        onYear={(y) => setParams({ year: String(y) })}
        parks={organisation.data?.parks ?? []}
      />
    </Space>
  );
}
