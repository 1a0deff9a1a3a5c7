import { useState } from 'react';
import { Alert, Button, Card, Space, Steps, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/ApiContext.js';
import { ApiError, call, type ErrorDetail } from '../../api/client.js';
import type { ImportAnswer, Run } from '../../api/types.js';
import { formatQuantity } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';

type Stage =
  | { readonly step: 'idle' }
  | { readonly step: 'upload' | 'calculate'; readonly file: string }
  | {
      readonly step: 'failed';
      readonly file: string;
      readonly at: 'upload' | 'calculate';
      readonly error: unknown;
    }
  | {
      readonly step: 'done';
      readonly file: string;
      readonly imported: ImportAnswer;
      readonly run: Run;
    };

/**
 * Excel import: upload the filled template, see every bad cell (the API refuses the whole file
 * if one cell is wrong), or on success calculate the year at once and link to the result.
 */
export function ImportCard({
  enterpriseId,
  year,
  onImported,
}: {
  enterpriseId: string;
  year: number;
  onImported: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const api = useApi();
  const [stage, setStage] = useState<Stage>({ step: 'idle' });

  const run = async (file: File) => {
    setStage({ step: 'upload', file: file.name });
    let imported: ImportAnswer;
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      imported = await call(
        api.POST('/api/v1/enterprises/{id}/imports', {
          params: { path: { id: enterpriseId }, query: { year } },
          // The route takes multipart/form-data, which the OpenAPI document does not describe as
          // a body; openapi-fetch sends FormData as it is and lets the browser set the boundary.
          body: form as never,
        }),
      );
    } catch (error) {
      setStage({ step: 'failed', file: file.name, at: 'upload', error });
      return;
    }
    onImported();
    setStage({ step: 'calculate', file: file.name });
    try {
      const calculated = await call(
        api.POST('/api/v1/enterprises/{id}/runs', {
          params: { path: { id: enterpriseId } },
          body: { year },
        }),
      );
      setStage({ step: 'done', file: file.name, imported, run: calculated });
    } catch (error) {
      setStage({ step: 'failed', file: file.name, at: 'calculate', error });
    }
  };

  const busy = stage.step === 'upload' || stage.step === 'calculate';
  const current =
    stage.step === 'idle'
      ? -1
      : stage.step === 'upload' || (stage.step === 'failed' && stage.at === 'upload')
        ? 0
        : stage.step === 'calculate' || stage.step === 'failed'
          ? 1
          : 2;

  return (
    <Card
      title={t('import.title')}
      extra={
        <Button icon={<DownloadOutlined />} href="/api/v1/templates/activity.xlsx">
          {t('import.template')}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void run(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drop', { year })}</p>
          <p className="ant-upload-hint">{t('import.hint')}</p>
        </Upload.Dragger>
        {stage.step !== 'idle' && (
          <Steps
            size="small"
            className="import-steps"
            current={current}
            status={stage.step === 'failed' ? 'error' : busy ? 'process' : 'finish'}
            items={[
              { title: t('import.stepUpload'), content: stage.file },
              { title: t('import.stepCalculate') },
              { title: t('import.stepDone') },
            ].map((s, i) => ({
              ...s,
              ...(busy && i === current && { status: 'process' as const }),
            }))}
          />
        )}
        {busy && (
          <Typography.Text type="secondary" className="import-progress">
            {stage.step === 'upload' ? t('import.uploading') : t('import.calculating')}
          </Typography.Text>
        )}
        {stage.step === 'failed' && <ImportError error={stage.error} lang={lang} />}
        {stage.step === 'done' && (
          <Alert
            type="success"
            showIcon
            className="import-done"
            title={t('import.done', {
              rows: stage.imported.batch.rowsRead,
              added: stage.imported.batch.versionsAdded,
              unchanged: stage.imported.batch.unchanged,
            })}
            description={
              <Space wrap>
                {t('import.calculated', {
                  total: formatQuantity(
                    stage.run.figures.total.value,
                    stage.run.figures.total.unit,
                    lang,
                  ),
                })}
                <Link to={`/results?enterprise=${enterpriseId}&year=${year}`}>
                  {t('import.toResults')}
                </Link>
              </Space>
            }
          />
        )}
      </Space>
    </Card>
  );
}

/** The API's refusal; for a bad file, every bad cell as a table. */
function ImportError({ error, lang }: { error: unknown; lang: 'zh' | 'en' }) {
  const { t } = useTranslation();
  const message =
    error instanceof ApiError
      ? error.messages[lang]
      : error instanceof Error
        ? error.message
        : String(error);
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} className="import-error">
      <Alert type="error" showIcon title={message} />
      {issues.length > 0 && (
        <Table<ErrorDetail & { key: number }>
          size="small"
          className="import-issues"
          pagination={issues.length > 10 ? { pageSize: 10 } : false}
          dataSource={issues.map((d, key) => ({ ...d, key }))}
          columns={[
            { title: t('import.file'), dataIndex: 'file', render: (v?: string) => v ?? '—' },
            {
              title: t('import.row'),
              dataIndex: 'row',
              width: 70,
              render: (v?: number) => v ?? '—',
            },
            {
              title: t('import.column'),
              key: 'column',
              width: 140,
              render: (_, d) => d.column ?? d.field ?? '—',
            },
            { title: t('import.reason'), dataIndex: 'reason' },
          ]}
        />
      )}
    </Space>
  );
}
