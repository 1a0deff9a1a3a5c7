import { useState } from 'react';
import { Alert, Button, Card, Progress, Space, Steps, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/ApiContext.js';
import { ApiError, call, type ErrorDetail } from '../../api/client.js';
import type { ImportAnswer, Run } from '../../api/types.js';
import { formatQuantity } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';

/**
 * A fetch for one request that sends it with XMLHttpRequest, so that the upload's progress can
 * be shown: fetch reports no upload progress (a streamed request body would, but Chromium
 * sends those only over HTTP/2, and the API is served over HTTP/1.1). Given to openapi-fetch
 * as the request's `fetch`, it keeps the client's middleware (token, 401 handling) and typing.
 */
function fetchWithUploadProgress(
  onProgress: (fraction: number) => void,
): (request: Request) => Promise<Response> {
  return async (request) => {
    // The body as the browser encoded it (multipart, its boundary in the content-type header).
    const body = await request.blob();
    return new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      request.headers.forEach((value, key) => xhr.setRequestHeader(key, value));
      xhr.responseType = 'blob';
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
      };
      // Sent in full; what follows is the server's work (validation, import).
      xhr.upload.onload = () => onProgress(1);
      xhr.onload = () => {
        const headers = new Headers();
        for (const line of xhr.getAllResponseHeaders().split(/\r?\n/)) {
          const colon = line.indexOf(':');
          if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
        }
        // A Response with status 204 or 304 may have no body.
        const empty = xhr.status === 204 || xhr.status === 304;
        resolve(
          new Response(empty ? null : (xhr.response as Blob), {
            status: xhr.status,
            statusText: xhr.statusText,
            headers,
          }),
        );
      };
      // call() turns a TypeError into its network error, like a failed fetch
      xhr.onerror = () => reject(new TypeError('the upload failed'));
      xhr.onabort = () => reject(new DOMException('the upload was aborted', 'AbortError'));
      request.signal.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(body);
    });
  };
}

/** The steps: upload (in percent), validate and import on the server, calculate, done. */
type Stage =
  | { readonly step: 'idle' }
  | { readonly step: 'upload' | 'validate' | 'calculate'; readonly file: string }
  | {
      readonly step: 'failed';
      readonly file: string;
      readonly at: 'upload' | 'validate' | 'calculate';
      readonly error: unknown;
    }
  | {
      readonly step: 'done';
      readonly file: string;
      readonly imported: ImportAnswer;
      readonly run: Run;
    };

const STEPS = ['upload', 'validate', 'calculate', 'done'] as const;

/**
 * Excel import: upload the filled template (its progress in percent), see every bad cell (the
 * API refuses the whole file if one cell is wrong), or on success calculate the year at once
 * and link to the result.
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
  const [uploaded, setUploaded] = useState(0);

  const run = async (file: File) => {
    setStage({ step: 'upload', file: file.name });
    setUploaded(0);
    let sent = false;
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
          fetch: fetchWithUploadProgress((fraction) => {
            setUploaded(Math.round(fraction * 100));
            if (fraction >= 1 && !sent) {
              sent = true;
              setStage({ step: 'validate', file: file.name });
            }
          }),
        }),
      );
    } catch (error) {
      setStage({ step: 'failed', file: file.name, at: sent ? 'validate' : 'upload', error });
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

  const busy = stage.step === 'upload' || stage.step === 'validate' || stage.step === 'calculate';
  const current =
    stage.step === 'idle' ? -1 : STEPS.indexOf(stage.step === 'failed' ? stage.at : stage.step);

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
              {
                title: t('importCard.stepUpload'),
                content: (
                  <>
                    <div>{stage.file}</div>
                    <Progress
                      className="import-upload-percent"
                      percent={uploaded}
                      size="small"
                      // the figure, also at 100 % (where antd would show a tick instead)
                      format={(p) => `${p ?? 0}%`}
                      status={
                        stage.step === 'failed' && stage.at === 'upload' ? 'exception' : undefined
                      }
                    />
                  </>
                ),
              },
              { title: t('importCard.stepValidate') },
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
            {stage.step === 'upload'
              ? t('importCard.uploading', { percent: uploaded })
              : stage.step === 'validate'
                ? t('importCard.validating')
                : t('import.calculating')}
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
            { title: t('importCard.file'), dataIndex: 'file', render: (v?: string) => v ?? '—' },
            {
              title: t('importCard.sheet'),
              dataIndex: 'sheet',
              render: (v?: string) => v ?? '—',
            },
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
