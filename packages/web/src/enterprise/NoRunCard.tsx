import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The enterprise has no calculation run for the year: point to data entry, where one is made. */
export function NoRunCard({ enterpriseId }: { readonly enterpriseId?: string }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Empty description={t('overview.noRun')}>
        <Link to={`/data-entry?enterprise=${enterpriseId ?? ''}`}>{t('overview.toDataEntry')}</Link>
      </Empty>
    </Card>
  );
}
