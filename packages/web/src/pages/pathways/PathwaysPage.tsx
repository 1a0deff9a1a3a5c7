import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useApi } from '../../api/ApiContext.js';
import { ApiError, call } from '../../api/client.js';
import { useRequest } from '../../api/useRequest.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Panel } from '../../components/Panel.js';
import { nameOf } from '../../enterprise/EnterpriseBar.js';
import { bilingualPart } from '../../format/bilingual.js';
import { formatCompact } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';
import { PathwayChart } from './PathwayChart.js';
import { ScenarioEditor } from './ScenarioEditor.js';
import type { Comparison, SavedScenario, ScenarioDocument, ScopeKind } from './types.js';

const KINDS: readonly ScopeKind[] = ['park', 'enterprise', 'region'];
/** More lines than this make the chart unreadable; the rest stay in the table. */
const MAX_OVERLAID = 6;

/**
 * 达峰路径: the saved scenarios of a scope (enterprise, park or region), an editor for their
 * growth rates and measures, their pathways to 2060 overlaid with each peak marked and the 2030
 * and 2060 goals, and a comparison table. Every figure is the API's projection.
 */
export function PathwaysPage() {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const api = useApi();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();

  const organisation = useRequest('organisation', (signal) =>
    call(api.GET('/api/v1/organisation', { signal })),
  );
  const enterprises = useRequest('enterprises', async (signal) => {
    const page = await call(
      api.GET('/api/v1/enterprises', { params: { query: { limit: 500 } }, signal }),
    );
    return page.items;
  });
  const options = useMemo(
    () => ({
      park: organisation.data?.parks ?? [],
      region: organisation.data?.regions ?? [],
      enterprise: enterprises.data ?? [],
    }),
    [organisation.data, enterprises.data],
  );
  const kinds = KINDS.filter((k) => options[k].length > 0);
  const asked = params.get('kind') as ScopeKind | null;
  const kind = asked && kinds.includes(asked) ? asked : kinds[0];
  const scope =
    kind && (options[kind].find((o) => o.id === params.get('scope')) ?? options[kind][0]);
  const scopeKey = kind && scope ? `${kind}:${scope.id}` : '';

  const set = (change: Record<string, string>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [k, v] of Object.entries(change)) next.set(k, v);
      return next;
    });

  const scenarios = useRequest(`scenarios:${scopeKey}`, async (signal) => {
    if (!kind || !scope) return [];
    const page = await call(
      api.GET('/api/v1/scenarios', { params: { query: { kind, scopeId: scope.id } }, signal }),
    );
    return page.items;
  });
  const baseline = useRequest(`baseline:${scopeKey}`, async (signal) => {
    if (!kind || !scope) return undefined;
    return call(
      api.GET('/api/v1/scenarios/baseline', {
        params: { query: { kind, scopeId: scope.id } },
        signal,
      }),
    );
  });

  // The scenarios drawn and compared: by default the first few of the scope.
  const [selected, setSelected] = useState<string[] | undefined>();
  useEffect(() => setSelected(undefined), [scopeKey]);
  const shown =
    selected ?? (scenarios.data ?? []).slice(0, MAX_OVERLAID).map((s: SavedScenario) => s.id);
  const comparison = useRequest(`compare:${shown.join(',')}`, async (signal) => {
    if (shown.length === 0) return undefined;
    return call(api.POST('/api/v1/pathways/compare', { body: { scenarioIds: shown }, signal }));
  });

  const [editing, setEditing] = useState<{ id?: string; document: ScenarioDocument } | undefined>();
  const save = async (document: ScenarioDocument) => {
    if (editing?.id)
      await call(
        api.PUT('/api/v1/scenarios/{id}', {
          params: { path: { id: editing.id } },
          body: { document },
        }),
      );
    else if (kind && scope)
      await call(
        api.POST('/api/v1/scenarios', { body: { scope: { kind, id: scope.id }, document } }),
      );
    setEditing(undefined);
    void message.success(t('pathways.saved'));
    scenarios.reload();
    comparison.reload();
  };
  const remove = async (id: string) => {
    try {
      await call(api.DELETE('/api/v1/scenarios/{id}', { params: { path: { id } } }));
      setSelected((s) => s?.filter((x) => x !== id));
      scenarios.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.messages[lang] : String(e));
    }
  };

  const name = (s: { name: string; document: ScenarioDocument }) =>
    lang === 'en' ? s.document.nameEn : s.name;
  const canCreate = baseline.data?.editable === true;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, justifyContent: 'space-between' }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('pathways.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('pathways.subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          {kinds.length > 1 && (
            <Segmented
              id="pathway-kind"
              value={kind}
              options={kinds.map((k) => ({ value: k, label: t(`pathways.kind.${k}`) }))}
              onChange={(k) => set({ kind: String(k), scope: '' })}
            />
          )}
          {kind && options[kind].length > 1 && (
            <Select
              id="pathway-scope"
              showSearch
              optionFilterProp="label"
              style={{ width: 300 }}
              value={scope?.id}
              options={options[kind].map((o) => ({ value: o.id, label: nameOf(o, lang) }))}
              onChange={(id: string) => set({ kind, scope: id })}
            />
          )}
        </Space>
      </div>

      {organisation.status === 'error' ? (
        <ErrorState error={organisation.error} onRetry={organisation.reload} />
      ) : (
        <>
          {baseline.data && (
            <Alert
              type="info"
              showIcon
              className="pathway-baseline"
              title={
                baseline.data.year !== null && baseline.data.emissions
                  ? t('pathways.baseline', {
                      year: baseline.data.year,
                      value: formatCompact(baseline.data.emissions.value, lang),
                      unit: baseline.data.emissions.unit,
                    })
                  : t('pathways.noBaseline')
              }
              description={baseline.data.notes.map((n) => bilingualPart(n, lang)).join('；')}
            />
          )}
          <Panel
            title={t('pathways.chartTitle')}
            request={comparison}
            isEmpty={(c: Comparison | undefined) => !c || c.pathways.length === 0}
            empty={t('pathways.noScenarios')}
            height={380}
          >
            {(c) => <PathwayChart pathways={c!.pathways} />}
          </Panel>
          <Card
            title={t('pathways.compareTitle')}
            extra={
              canCreate && (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  id="scenario-new"
                  onClick={() =>
                    baseline.data?.document && setEditing({ document: baseline.data.document })
                  }
                  disabled={!baseline.data?.document}
                >
                  {t('pathways.new')}
                </Button>
              )
            }
          >
            {scenarios.status === 'error' ? (
              <ErrorState error={scenarios.error} onRetry={scenarios.reload} />
            ) : (
              <ScenarioTable
                scenarios={scenarios.data ?? []}
                loading={scenarios.status === 'loading' || comparison.status === 'loading'}
                comparison={comparison.data}
                selected={shown}
                onSelect={setSelected}
                onEdit={(s) => setEditing({ id: s.id, document: s.document })}
                onDelete={(id) => void remove(id)}
                name={name}
              />
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('pathways.method')}
            </Typography.Paragraph>
          </Card>
        </>
      )}
      <ScenarioEditor
        open={editing !== undefined}
        title={editing?.id ? t('pathways.edit') : t('pathways.new')}
        initial={editing?.document}
        onSave={save}
        onClose={() => setEditing(undefined)}
      />
    </Space>
  );
}

function ScenarioTable({
  scenarios,
  loading,
  comparison,
  selected,
  onSelect,
  onEdit,
  onDelete,
  name,
}: {
  scenarios: readonly SavedScenario[];
  loading: boolean;
  comparison: Comparison | undefined;
  selected: readonly string[];
  onSelect: (ids: string[]) => void;
  onEdit: (s: SavedScenario) => void;
  onDelete: (id: string) => void;
  name: (s: SavedScenario) => string;
}) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const rows = new Map(comparison?.comparison.rows.map((r) => [r.scenario, r]));
  const least = comparison?.comparison.leastCumulative;
  // A column's unit is written once in its title, taken from the first row; a figure in
  // another unit (never in one comparison today) keeps its own beside it.
  type Figure = { value: number; unit: string } | undefined;
  type Row = NonNullable<Comparison>['comparison']['rows'][number];
  const first = comparison?.comparison.rows[0];
  const column = (label: string, pick: (r: Row) => Figure) => {
    const unit = first && pick(first)?.unit;
    return {
      title: unit ? `${label} (${unit})` : label,
      q: (r: Row | undefined) => {
        const v = r && pick(r);
        if (!v) return '—';
        const text = formatCompact(v.value, lang);
        return v.unit === unit ? text : `${text} ${v.unit}`;
      },
    };
  };
  const peak = column(t('pathways.col.peak'), (r) => r.peakValue);
  const v2030 = column('2030', (r) => r.value2030);
  const v2060 = column(t('pathways.col.residual2060'), (r) => r.residual2060);
  const cumulative = column(t('pathways.col.cumulative'), (r) => r.cumulative);
  return (
    <Table<SavedScenario>
      className="scenario-table"
      size="small"
      rowKey="id"
      loading={loading}
      pagination={false}
      dataSource={scenarios}
      locale={{ emptyText: t('pathways.noScenarios') }}
      // At least this wide (scrolling below it), else as wide as the card, the figures' columns
      // sharing what the others leave: headers and names wrap instead of pushing the last
      // columns under the fixed actions on a laptop screen.
      scroll={{ x: 900 }}
      columns={[
        {
          title: t('pathways.col.shown'),
          key: 'shown',
          width: 56,
          render: (_, s) => (
            <Checkbox
              checked={selected.includes(s.id)}
              disabled={!selected.includes(s.id) && selected.length >= MAX_OVERLAID}
              onChange={(e) =>
                onSelect(
                  e.target.checked ? [...selected, s.id] : selected.filter((x) => x !== s.id),
                )
              }
            />
          ),
        },
        {
          title: t('pathways.col.name'),
          key: 'name',
          width: 220,
          render: (_, s) => (
            <Space orientation="vertical" size={0}>
              <span>{name(s)}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('pathways.col.base', { year: s.document.baseYear })} ·{' '}
                {s.document.measures.length > 0
                  ? t('pathways.col.measures', { n: s.document.measures.length })
                  : t('pathways.col.noMeasures')}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t('pathways.col.peakYear'),
          key: 'peakYear',
          width: 130,
          render: (_, s) => {
            const r = rows.get(s.id);
            if (!r) return '—';
            return (
              <Tag color={r.peaksBy2030 ? 'green' : 'red'}>
                {r.peakYear}
                {r.peaksBy2030 ? ` ✓ ${t('pathways.by2030')}` : ''}
              </Tag>
            );
          },
        },
        {
          title: peak.title,
          key: 'peak',
          align: 'right',
          render: (_, s) => peak.q(rows.get(s.id)),
        },
        {
          title: v2030.title,
          key: 'v2030',
          align: 'right',
          render: (_, s) => v2030.q(rows.get(s.id)),
        },
        {
          title: v2060.title,
          key: 'v2060',
          align: 'right',
          render: (_, s) => v2060.q(rows.get(s.id)),
        },
        {
          title: cumulative.title,
          key: 'cumulative',
          align: 'right',
          // room for the tag "least cumulative"
          width: 140,
          // the tag under the figure: beside it, it widened the table past a laptop screen
          render: (_, s) => (
            <Space orientation="vertical" size={2} align="end">
              {cumulative.q(rows.get(s.id))}
              {least === s.id && <Tag color="blue">{t('pathways.least')}</Tag>}
            </Space>
          ),
        },
        {
          title: '',
          key: 'actions',
          fixed: 'right',
          width: 80,
          render: (_, s) =>
            s.editable && (
              <Space size={4}>
                <Tooltip title={t('pathways.edit')}>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('pathways.edit')}
                    onClick={() => onEdit(s)}
                  />
                </Tooltip>
                <Popconfirm title={t('pathways.confirmDelete')} onConfirm={() => onDelete(s.id)}>
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('pathways.delete')}
                  />
                </Popconfirm>
              </Space>
            ),
        },
      ]}
    />
  );
}
