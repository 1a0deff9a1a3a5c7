import { useMemo, useState } from 'react';
import { Button, Col, Descriptions, Empty, Row, Space, Table, Typography } from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { call } from '../../api/client.js';
import { asExplanation } from '../../api/explanation.js';
import type { Quantity, Run } from '../../api/types.js';
import { useRequest } from '../../api/useRequest.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Panel } from '../../components/Panel.js';
import { NoRunCard } from '../../enterprise/NoRunCard.js';
import { EnterpriseBar, nameOf } from '../../enterprise/EnterpriseBar.js';
import { latestRun, useEnterpriseSelection } from '../../enterprise/useEnterpriseSelection.js';
import { sortedEntries, sourceOfLine } from '../../figures/figures.js';
import { formatQuantity } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';
import { ExplanationDrawer } from './ExplanationDrawer.js';

/** Tables show two decimals; the explanation shows every digit. */
const round2 = (v: number) => Math.round(v * 100) / 100;

interface TotalRow {
  readonly subject: string;
  readonly label: string;
  readonly value: Quantity;
  readonly level: number;
}

/** The totals of a run that have an explanation (`total`, `total:scope1`, `total:kind:…`). */
function totalRows(run: Run, label: (group: string, key: string) => string): TotalRow[] {
  const f = run.figures;
  return [
    { subject: 'total', label: label('total', ''), value: f.total, level: 0 },
    ...sortedEntries(f.byScope).map(([k, v]) => ({
      subject: `total:${k}`,
      label: label('scope', k),
      value: v,
      level: 1,
    })),
    ...sortedEntries(f.byKind).map(([k, v]) => ({
      subject: `total:kind:${k}`,
      label: label('kind', k),
      value: v,
      level: 1,
    })),
    ...sortedEntries(f.byFacility).map(([k, v]) => ({
      subject: `total:facility:${k}`,
      label: label('facility', k),
      value: v,
      level: 1,
    })),
  ];
}

interface LineRow {
  readonly id: string;
  readonly source: string;
  readonly month: string;
  readonly name: string;
  readonly value: Quantity;
}

/** 核算结果 with 计算说明: the run's totals and lines, each opening its explanation. */
export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const api = useApi();
  const selection = useEnterpriseSelection();
  const { enterprise, year } = selection;
  const summary = latestRun(selection.runs.data, year);
  const [trail, setTrail] = useState<string[]>([]);

  const run = useRequest(`run:${summary?.id}`, (signal) =>
    summary
      ? call(api.GET('/api/v1/runs/{id}', { params: { path: { id: summary.id } }, signal }))
      : Promise.resolve(undefined),
  );
  const detail = useRequest(`enterprise:${enterprise?.id}`, (signal) =>
    enterprise
      ? call(
          api.GET('/api/v1/enterprises/{id}', { params: { path: { id: enterprise.id } }, signal }),
        )
      : Promise.resolve(undefined),
  );
  const lines = useRequest(`lines:${summary?.id}`, async (signal): Promise<LineRow[]> => {
    if (!summary) return [];
    const total = asExplanation(
      await call(
        api.GET('/api/v1/runs/{id}/explanations/{subject}', {
          params: { path: { id: summary.id, subject: 'total' } },
          signal,
        }),
      ),
    );
    return total.inputs.map((i) => ({
      id: i.symbol,
      source: sourceOfLine(i.symbol),
      month: /\.m(\d\d)$/.exec(i.symbol)?.[1] ?? '',
      name: i.name,
      value: i.value,
    }));
  });
  const sourceNames = useMemo(
    () => new Map((detail.data?.sources ?? []).map((s) => [s.code, nameOf(s, lang)])),
    [detail.data, lang],
  );

  const label = (group: string, key: string): string => {
    if (group === 'total') return t('results.total');
    if (group === 'scope') return t(`scope.${key}`, { defaultValue: key });
    if (group === 'kind')
      return `${t('results.byKind')}：${t(`lineKind.${key}`, { defaultValue: key })}`;
    return `${t('results.byFacility')}：${key}`;
  };
  const titleOf = (subject: string) => {
    const row = run.data && totalRows(run.data, label).find((r) => r.subject === subject);
    if (row) return row.label;
    return `${sourceNames.get(sourceOfLine(subject)) ?? sourceOfLine(subject)} ${subject}`;
  };

  if (selection.enterprises.status === 'error')
    return (
      <ErrorState error={selection.enterprises.error} onRetry={selection.enterprises.reload} />
    );
  if (selection.enterprises.data?.length === 0)
    return <Empty description={t('overview.noEnterprise')} />;
  const noRun = selection.runs.status === 'success' && !summary;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <EnterpriseBar title={t('results.title')} selection={selection} />
      {selection.runs.status === 'error' && (
        <ErrorState error={selection.runs.error} onRetry={selection.runs.reload} />
      )}
      {noRun ? (
        <NoRunCard enterpriseId={enterprise?.id} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={10}>
            <Panel title={t('results.totals')} request={run} isEmpty={(r) => !r}>
              {(r) =>
                r && (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <Table<TotalRow>
                      size="small"
                      className="results-totals"
                      pagination={false}
                      rowKey="subject"
                      dataSource={totalRows(r, label)}
                      columns={[
                        {
                          title: t('results.item'),
                          dataIndex: 'label',
                          render: (text: string, row) => (
                            <span
                              style={{
                                paddingInlineStart: row.level * 16,
                                fontWeight: row.level ? 400 : 600,
                              }}
                            >
                              {text}
                            </span>
                          ),
                        },
                        {
                          title: t('results.emissions'),
                          key: 'value',
                          align: 'right',
                          render: (_, row) =>
                            formatQuantity(round2(row.value.value), row.value.unit, lang),
                        },
                        {
                          key: 'explain',
                          width: 100,
                          render: (_, row) => (
                            <Button
                              size="small"
                              type="link"
                              icon={<FileSearchOutlined />}
                              onClick={() => setTrail([row.subject])}
                            >
                              {t('results.explain')}
                            </Button>
                          ),
                        },
                      ]}
                    />
                    <Descriptions size="small" column={1}>
                      <Descriptions.Item label={t('results.method')}>
                        {r.methodSet.id}@{r.methodSet.version}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('results.calculated')}>
                        {new Date(r.createdAt).toLocaleString(i18n.language)} · {r.createdBy}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('results.factorsUsed')}>
                        {r.factorRefs.length}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('results.hash')}>
                        <Typography.Text code copyable>
                          {r.resultsHash.slice(0, 16)}
                        </Typography.Text>
                      </Descriptions.Item>
                    </Descriptions>
                  </Space>
                )
              }
            </Panel>
          </Col>
          <Col xs={24} xxl={14}>
            <Panel
              title={t('results.lines')}
              request={lines}
              isEmpty={(rows) => rows.length === 0}
              empty={t('common.noData')}
            >
              {(rows) => (
                <Table<LineRow>
                  size="small"
                  className="results-lines"
                  rowKey="id"
                  dataSource={rows}
                  pagination={{ pageSize: 12, size: 'small', showSizeChanger: false }}
                  columns={[
                    {
                      title: t('results.source'),
                      dataIndex: 'source',
                      render: (s: string) => sourceNames.get(s) ?? s,
                      filters: [...new Set(rows.map((r) => r.source))].map((s) => ({
                        text: sourceNames.get(s) ?? s,
                        value: s,
                      })),
                      onFilter: (value, row) => row.source === value,
                    },
                    {
                      title: t('results.month'),
                      dataIndex: 'month',
                      width: 70,
                      render: (m: string) => (m ? (lang === 'zh' ? `${Number(m)}月` : m) : '—'),
                    },
                    {
                      title: t('results.kind'),
                      dataIndex: 'name',
                      // The engine names a line "<kind> (<treatment>)".
                      render: (name: string) => {
                        const m = /^(\S+) \((\w+)\)$/.exec(name);
                        if (!m?.[1] || !m[2]) return name;
                        const kind = t(`lineKind.${m[1]}`, { defaultValue: m[1] });
                        return m[2] === 'included'
                          ? kind
                          : `${kind}（${t(`treatment.${m[2]}`, { defaultValue: m[2] })}）`;
                      },
                    },
                    {
                      title: t('results.emissions'),
                      key: 'value',
                      align: 'right',
                      sorter: (a, b) => a.value.value - b.value.value,
                      render: (_, row) =>
                        formatQuantity(round2(row.value.value), row.value.unit, lang),
                    },
                    {
                      key: 'explain',
                      width: 100,
                      render: (_, row) => (
                        <Button
                          size="small"
                          type="link"
                          icon={<FileSearchOutlined />}
                          onClick={() => setTrail([row.id])}
                        >
                          {t('results.explain')}
                        </Button>
                      ),
                    },
                  ]}
                />
              )}
            </Panel>
          </Col>
        </Row>
      )}
      <ExplanationDrawer runId={summary?.id} trail={trail} onTrail={setTrail} titleOf={titleOf} />
    </Space>
  );
}
