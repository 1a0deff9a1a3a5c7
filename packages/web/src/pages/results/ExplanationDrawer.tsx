import {
  Alert,
  Breadcrumb,
  Descriptions,
  Drawer,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/ApiContext.js';
import { call } from '../../api/client.js';
import { asExplanation } from '../../api/explanation.js';
import type { Explanation } from '../../api/types.js';
import { useRequest } from '../../api/useRequest.js';
import { ErrorState } from '../../components/ErrorState.js';
import { VerificationTag } from '../../components/VerificationTag.js';
import { isVerification } from '../../factors/vocabulary.js';
import { formatNumber, formatQuantity } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';

type Input = Explanation['inputs'][number];
type Factor = Explanation['factors'][number];
type Step = Explanation['steps'][number];

/** Exact figures in the explanation: all published decimals, grouped thousands. */
const q = (v: { value: number; unit: string }, lang: 'zh' | 'en') =>
  formatQuantity(Number(formatNumber(v.value, 'en', 6).replace(/,/g, '')), v.unit, lang);

function ExplanationBody({
  runId,
  subject,
  onDrill,
}: {
  runId: string;
  subject: string;
  onDrill: (subject: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const api = useApi();
  const request = useRequest(`explain:${runId}:${subject}`, async (signal) =>
    asExplanation(
      await call(
        api.GET('/api/v1/runs/{id}/explanations/{subject}', {
          params: { path: { id: runId, subject } },
          signal,
        }),
      ),
    ),
  );
  if (request.status === 'error')
    return <ErrorState error={request.error} onRetry={request.reload} />;
  const x = request.data;
  if (!x || request.status === 'loading') return <Skeleton active paragraph={{ rows: 12 }} />;
  const derived = x.inputs.some((i) => i.origin === 'derived');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} className="explanation">
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 140 } }}>
        <Descriptions.Item label={t('explain.result')}>
          <Typography.Text strong className="explanation-result">
            {q(x.result, lang)}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary">
            {t(`treatment.${x.treatment}`, { defaultValue: x.treatment })}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('explain.formula')}>
          <Typography.Text code className="explanation-formula">
            {x.formula.text}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('explain.citation')}>
          {x.formula.citation.standard} {x.formula.citation.clause}{' '}
          {isVerification(x.formula.citation.verification) && (
            <VerificationTag verification={x.formula.citation.verification} />
          )}
        </Descriptions.Item>
      </Descriptions>

      {x.steps.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('explain.steps')}</Typography.Title>
          <Table<Step>
            size="small"
            pagination={false}
            rowKey={(s) => s.symbol + s.expression}
            dataSource={[...x.steps]}
            columns={[
              { title: t('explain.symbol'), dataIndex: 'symbol', width: 80 },
              { title: t('explain.description'), dataIndex: 'description' },
              {
                title: t('explain.expression'),
                dataIndex: 'expression',
                render: (e: string) => <Typography.Text code>{e}</Typography.Text>,
              },
              { title: t('explain.value'), key: 'value', render: (_, s) => q(s.value, lang) },
            ]}
          />
        </div>
      )}

      <div>
        <Typography.Title level={5}>{t('explain.inputs')}</Typography.Title>
        {derived && <Typography.Text type="secondary">{t('explain.drillHint')}</Typography.Text>}
        <Table<Input>
          size="small"
          className="explanation-inputs"
          pagination={x.inputs.length > 15 ? { pageSize: 15, size: 'small' } : false}
          rowKey={(i) => i.symbol}
          dataSource={[...x.inputs]}
          columns={[
            {
              title: t('explain.symbol'),
              dataIndex: 'symbol',
              render: (s: string, i) =>
                i.origin === 'derived' ? <a onClick={() => onDrill(s)}>{s}</a> : s,
            },
            { title: t('explain.name'), dataIndex: 'name' },
            { title: t('explain.value'), key: 'value', render: (_, i) => q(i.value, lang) },
            {
              title: t('explain.origin'),
              dataIndex: 'origin',
              render: (o: string) => <Tag>{t(`origin.${o}`, { defaultValue: o })}</Tag>,
            },
            {
              title: t('explain.from'),
              key: 'from',
              render: (_, i) =>
                i.factor ? (
                  <Link to={`/factors?factor=${encodeURIComponent(i.factor)}`}>{i.factor}</Link>
                ) : i.citation ? (
                  `${i.citation.standard} ${i.citation.clause}`
                ) : (
                  (i.field ?? '')
                ),
            },
          ]}
        />
      </div>

      {x.factors.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('explain.factors')}</Typography.Title>
          <Table<Factor>
            size="small"
            className="explanation-factors"
            pagination={false}
            rowKey="ref"
            dataSource={[...x.factors]}
            expandable={{
              expandedRowRender: (f) => (
                <ul style={{ margin: 0 }}>
                  {f.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ),
            }}
            columns={[
              {
                title: t('explain.factor'),
                dataIndex: 'ref',
                render: (ref: string) => (
                  <Link to={`/factors?factor=${encodeURIComponent(ref)}`}>{ref}</Link>
                ),
              },
              { title: t('explain.value'), key: 'value', render: (_, f) => q(f.value, lang) },
              {
                title: t('explain.source'),
                key: 'source',
                render: (_, f) =>
                  `${f.source.document}${f.source.clause ? ` ${f.source.clause}` : ''}`,
              },
              {
                title: t('explain.verification'),
                dataIndex: 'verification',
                render: (v: string) =>
                  isVerification(v) ? <VerificationTag verification={v} /> : v,
              },
            ]}
          />
        </div>
      )}

      {x.conversions.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('explain.conversions')}</Typography.Title>
          <ul>
            {x.conversions.map((c) => (
              <li key={c.what}>
                {c.what}: {q(c.from, lang)} → {q(c.to, lang)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {x.notes.length > 0 && (
        <Alert
          type="info"
          title={t('explain.notes')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {x.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}

/**
 * 计算说明: how a total or a line was computed. A total's inputs are its lines; clicking one
 * opens that line (the breadcrumb walks back), down to the factors with their sources.
 */
export function ExplanationDrawer({
  runId,
  trail,
  onTrail,
  titleOf,
}: {
  runId: string | undefined;
  /** The subjects from the first opened down to the one shown. */
  trail: readonly string[];
  onTrail: (trail: string[]) => void;
  titleOf: (subject: string) => string;
}) {
  const { t } = useTranslation();
  const subject = trail[trail.length - 1];
  return (
    <Drawer
      open={runId !== undefined && subject !== undefined}
      onClose={() => onTrail([])}
      size={860}
      title={
        <Space orientation="vertical" size={0}>
          <span>{t('explain.title')}</span>
          <Breadcrumb
            items={trail.map((s, i) => ({
              key: s,
              title:
                i < trail.length - 1 ? (
                  <a onClick={() => onTrail(trail.slice(0, i + 1))}>{titleOf(s)}</a>
                ) : (
                  titleOf(s)
                ),
            }))}
          />
        </Space>
      }
      destroyOnHidden
    >
      {runId && subject && (
        <ExplanationBody
          key={subject}
          runId={runId}
          subject={subject}
          onDrill={(s) => onTrail([...trail, s])}
        />
      )}
    </Drawer>
  );
}
