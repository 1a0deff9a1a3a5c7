import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { ApiError, call, type GetOk } from '../../api/client.js';
import { useRequest } from '../../api/useRequest.js';
import { PALETTE } from '../../charts/palette.js';
import { EChart } from '../../components/EChart.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Panel } from '../../components/Panel.js';
import { EnterpriseBar, nameOf } from '../../enterprise/EnterpriseBar.js';
import { useEnterpriseSelection } from '../../enterprise/useEnterpriseSelection.js';
import { bilingualPart } from '../../format/bilingual.js';
import { formatNumber, formatShare } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';

type Footprint = GetOk<'/api/v1/enterprises/{id}/footprints'>;
type Contribution = Footprint['footprint']['contributions']['byInput'][number];
type Product = 'clinker' | 'cement';
type Allocation = 'cut-off' | 'economic';

/** Clinker producers (GB/T 4754 C3011, or named so): the only product systems built so far. */
const isCement = (industry: string | undefined) => /C301|水泥|cement/i.test(industry ?? '');

const FUEL_COLOR = {
  included: 'green',
  partial: 'orange',
  'not-included': 'red',
  'no-fuels': 'default',
} as const;

/** Saves a JSON document as a file. */
function saveJson(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * 产品碳足迹: the cradle-to-gate footprint of 1 t of the enterprise's clinker or cement from its
 * annual run (docs/methods/footprint.md §8), with the parts, the sources behind them (background
 * data marked), the allocation and cut-offs, and the PACT documents to download.
 */
export function FootprintPage() {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const api = useApi();
  const { message } = App.useApp();
  const selection = useEnterpriseSelection();
  const { enterprise, year } = selection;
  const [product, setProduct] = useState<Product>('clinker');
  const [allocation, setAllocation] = useState<Allocation>('cut-off');
  const [downloading, setDownloading] = useState<string | undefined>(undefined);
  const cement = isCement(enterprise?.industry);

  const footprint = useRequest(
    `footprint:${enterprise?.id ?? ''}:${year ?? ''}:${product}:${allocation}`,
    async (signal) => {
      if (!enterprise || year === undefined || !cement) return undefined;
      return call(
        api.GET('/api/v1/enterprises/{id}/footprints', {
          params: { path: { id: enterprise.id }, query: { year, product, allocation } },
          signal,
        }),
      );
    },
  );

  const download = async (version: '2' | '3') => {
    if (!enterprise || year === undefined) return;
    setDownloading(version);
    try {
      const answer = await api.GET('/api/v1/enterprises/{id}/footprints/pact', {
        params: { path: { id: enterprise.id }, query: { year, product, allocation, version } },
        parseAs: 'text',
      });
      if (!answer.response.ok) await call(Promise.resolve(answer));
      saveJson(
        answer.data as string,
        `pact-v${version}-${enterprise.code}-${year}-${product}.json`,
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

  const controls = cement && (
    <Space wrap>
      <Segmented<Product>
        aria-label={t('footprint.product')}
        value={product}
        onChange={setProduct}
        options={[
          { value: 'clinker', label: t('footprint.clinker') },
          { value: 'cement', label: t('footprint.cement') },
        ]}
      />
      <Select<Allocation>
        aria-label={t('footprint.allocation')}
        style={{ width: 230 }}
        value={allocation}
        onChange={setAllocation}
        options={(['cut-off', 'economic'] as const).map((a) => ({
          value: a,
          label: t(`footprint.allocation_${a}`),
        }))}
      />
      {(['2', '3'] as const).map((v) => (
        <Button
          key={v}
          icon={<DownloadOutlined />}
          loading={downloading === v}
          disabled={footprint.status !== 'success' || !footprint.data}
          onClick={() => void download(v)}
        >
          {t(v === '2' ? 'footprint.downloadV2' : 'footprint.downloadV3')}
        </Button>
      ))}
    </Space>
  );

  const noRun = selection.runs.status === 'success' && year === undefined;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <EnterpriseBar title={t('footprint.title')} selection={selection} extra={controls} />
      {enterprise && !cement ? (
        <Card>
          <Empty
            description={
              <Space orientation="vertical" size={4}>
                <Typography.Text strong>{t('footprint.notCement')}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('footprint.notCementHint', { name: nameOf(enterprise, lang) })}
                </Typography.Text>
              </Space>
            }
          />
        </Card>
      ) : noRun ? (
        <Card>
          <Empty description={t('footprint.noRun')} />
        </Card>
      ) : (
        <FootprintBody request={footprint} product={product} lang={lang} />
      )}
    </Space>
  );
}

function FootprintBody({
  request,
  product,
  lang,
}: {
  request: ReturnType<typeof useRequest<Footprint | undefined>>;
  product: Product;
  lang: 'zh' | 'en';
}) {
  const { t } = useTranslation();
  if (request.status === 'error')
    return <ErrorState error={request.error} onRetry={request.reload} />;
  const p = request.data;
  const f = p?.footprint;
  const total = f?.total.value ?? 0;
  const rows = f ? f.contributions.byInput.filter((c) => c.value.value !== 0) : [];
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card loading={!f} style={{ height: '100%' }}>
            {f && p && (
              <Space orientation="vertical" size="small">
                <Statistic
                  title={t('footprint.perTonne', { product: t(`footprint.${product}`) })}
                  value={formatNumber(total, lang, 4)}
                  suffix="tCO2e/t"
                  valueStyle={{ fontSize: 36 }}
                />
                <Typography.Text type="secondary">{t('footprint.declaredUnit')}</Typography.Text>
                <Space wrap>
                  <Typography.Text>{t('footprint.fuelUpstream')}:</Typography.Text>
                  <Tag color={FUEL_COLOR[f.fuelUpstream.status]}>
                    {t(`footprint.fuelStatus_${f.fuelUpstream.status}`)}
                  </Tag>
                </Space>
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('footprint.accounting')}>
                    {p.accounting.method}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('footprint.allocation')}>
                    {t(`footprint.allocation_${f.allocation.rule}`)}
                  </Descriptions.Item>
                  {f.background && (
                    <Descriptions.Item label={t('footprint.backgroundSet')}>
                      {f.background.id}@{f.background.version} ({f.background.region})
                    </Descriptions.Item>
                  )}
                  <Descriptions.Item label={t('footprint.run')}>
                    <Typography.Text code>{p.run.id.slice(0, 8)}</Typography.Text> {p.run.method}
                  </Descriptions.Item>
                </Descriptions>
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Panel title={t('footprint.byStage')} request={{ ...request, data: f }} height={300}>
            {(fp) => fp && <StageChart breakdown={fp.breakdown} lang={lang} />}
          </Panel>
        </Col>
      </Row>
      <Card title={t('footprint.contributions')}>
        <Table<Contribution>
          className="footprint-table"
          rowKey={(c) => c.id}
          size="small"
          loading={!f}
          dataSource={rows}
          pagination={false}
          columns={[
            {
              title: t('footprint.input'),
              key: 'name',
              render: (_, c) => bilingualPart(c.name, lang),
            },
            {
              title: t('footprint.amount'),
              key: 'amount',
              align: 'right',
              render: (_, c) =>
                c.amount ? `${formatNumber(c.amount.value, lang, 4)} ${c.amount.unit}` : '—',
            },
            {
              title: t('footprint.value'),
              key: 'value',
              align: 'right',
              render: (_, c) => formatNumber(c.value.value, lang, 4),
            },
            {
              title: t('footprint.share'),
              key: 'share',
              align: 'right',
              render: (_, c) => (total ? formatShare(c.value.value / total, lang) : '—'),
            },
            {
              title: t('footprint.source'),
              key: 'source',
              render: (_, c) => (
                <Space size={4} wrap>
                  <Tag color={c.background ? 'gold' : 'blue'}>
                    {t(c.background ? 'footprint.background' : 'footprint.own')}
                  </Tag>
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12, maxWidth: 520 }}
                    ellipsis={{ tooltip: c.source }}
                  >
                    {c.source}
                  </Typography.Text>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {f && p && (
        <Card title={t('footprint.notes')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert
              type={f.fuelUpstream.status === 'included' ? 'info' : 'warning'}
              showIcon
              title={`${t('footprint.fuelUpstream')}: ${bilingualPart(f.fuelUpstream.statement, lang)}`}
            />
            <Typography.Paragraph style={{ margin: 0 }}>
              {bilingualPart(p.accounting.note, lang)}
            </Typography.Paragraph>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {f.allocation.statements.map((s) => (
                <li key={s}>{bilingualPart(s, lang)}</li>
              ))}
            </ul>
            <Collapse
              size="small"
              items={[
                {
                  key: 'quality',
                  label: `${t('footprint.dataQuality')} (${f.dataQuality.length})`,
                  children: (
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {f.dataQuality.map((q) => (
                        <li key={q}>
                          <Typography.Text style={{ fontSize: 12 }}>{q}</Typography.Text>
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          </Space>
        </Card>
      )}
    </>
  );
}

/** A horizontal bar per kind of emission, tCO2e per tonne: the parts add up to the total. */
function StageChart({
  breakdown,
  lang,
}: {
  breakdown: Footprint['footprint']['breakdown'];
  lang: 'zh' | 'en';
}) {
  const items = [...breakdown].reverse();
  const label = (l: string) => bilingualPart(l, lang).replace(/[（(].*$/, '');
  return (
    <EChart
      style={{ height: Math.max(220, items.length * 44 + 40) }}
      option={{
        grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'item',
          valueFormatter: (v: number) => `${formatNumber(v, lang, 4)} tCO2e/t`,
        },
        xAxis: { type: 'value', name: 'tCO2e/t', nameLocation: 'end' },
        yAxis: { type: 'category', data: items.map((b) => label(b.label)) },
        series: [
          {
            type: 'bar',
            data: items.map((b, i) => ({
              value: b.value.value,
              itemStyle: { color: PALETTE[i % PALETTE.length] },
            })),
            label: {
              show: true,
              position: 'right',
              formatter: ({ value }: { value: number }) => formatNumber(value, lang, 4),
            },
          },
        ],
      }}
    />
  );
}
