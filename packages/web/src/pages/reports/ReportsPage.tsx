import { useState } from 'react';
import { App, Button, Card, Empty, Space, Table, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { ApiError, call } from '../../api/client.js';
import type { RunSummary } from '../../api/types.js';
import { ErrorState } from '../../components/ErrorState.js';
import { EnterpriseBar } from '../../enterprise/EnterpriseBar.js';
import { runYear, useEnterpriseSelection } from '../../enterprise/useEnterpriseSelection.js';
import { shortLanguage } from '../../i18n/index.js';

/** Saves a downloaded file under the name the server gave it (RFC 6266 `filename*`). */
function saveBlob(blob: Blob, disposition: string | null, fallback: string): void {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  const name = utf8 ? decodeURIComponent(utf8) : fallback;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 报告导出: every calculation run of the enterprise as an Excel inventory report. */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const api = useApi();
  const { message } = App.useApp();
  const selection = useEnterpriseSelection();
  const [downloading, setDownloading] = useState<string | undefined>(undefined);

  const download = async (run: RunSummary) => {
    setDownloading(run.id);
    try {
      const answer = await api.GET('/api/v1/runs/{id}/report.xlsx', {
        params: { path: { id: run.id } },
        parseAs: 'blob',
      });
      if (!answer.response.ok) await call(Promise.resolve(answer));
      saveBlob(
        answer.data as Blob,
        answer.response.headers.get('content-disposition'),
        `report-${run.id}.xlsx`,
      );
    } catch (e) {
      void message.error(e instanceof ApiError ? e.messages[lang] : String(e));
    } finally {
      setDownloading(undefined);
    }
  };

  if (selection.enterprises.status === 'error')
    return (
      <ErrorState error={selection.enterprises.error} onRetry={selection.enterprises.reload} />
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <EnterpriseBar
        title={t('reports.title')}
        selection={selection}
        extra={
          <Button icon={<FileExcelOutlined />} href="/api/v1/templates/activity.xlsx">
            {t('import.template')}
          </Button>
        }
      />
      <Card title={t('reports.runs')}>
        {selection.runs.status === 'error' ? (
          <ErrorState error={selection.runs.error} onRetry={selection.runs.reload} />
        ) : (
          <Table<RunSummary>
            className="reports-table"
            rowKey="id"
            loading={selection.runs.status === 'loading'}
            dataSource={[...(selection.runs.data ?? [])]}
            locale={{ emptyText: <Empty description={t('overview.noRun')} /> }}
            pagination={{ pageSize: 10, size: 'small' }}
            columns={[
              {
                title: t('common.year'),
                key: 'year',
                width: 90,
                render: (_, r) => runYear(r) ?? '—',
              },
              {
                title: t('results.method'),
                key: 'method',
                render: (_, r) => `${r.methodSet.id}@${r.methodSet.version}`,
              },
              {
                title: t('results.calculated'),
                key: 'created',
                render: (_, r) =>
                  `${new Date(r.createdAt).toLocaleString(i18n.language)} · ${r.createdBy}`,
              },
              {
                title: t('results.factorsUsed'),
                key: 'factors',
                width: 110,
                render: (_, r) => r.factorRefs.length,
              },
              {
                title: t('results.hash'),
                key: 'hash',
                render: (_, r) => (
                  <Typography.Text code>{r.resultsHash.slice(0, 12)}</Typography.Text>
                ),
              },
              {
                key: 'download',
                width: 150,
                render: (_, r) => (
                  <Button
                    icon={<DownloadOutlined />}
                    loading={downloading === r.id}
                    onClick={() => void download(r)}
                  >
                    {t('reports.excel')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
