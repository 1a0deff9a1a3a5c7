import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useApi } from '../../api/ApiContext.js';
import { ApiError, call } from '../../api/client.js';
import { useRequest } from '../../api/useRequest.js';
import { ErrorState } from '../../components/ErrorState.js';
import { nameOf } from '../../enterprise/EnterpriseBar.js';
import { useEnterpriseSelection } from '../../enterprise/useEnterpriseSelection.js';
import { shortLanguage } from '../../i18n/index.js';
import {
  NeutralityInputs,
  NeutralityResult,
  type NeutralityFormValues,
} from './NeutralityCheck.js';
import { GradedResult } from './GradedResult.js';
import type { Evaluation, IndicatorEntry, IndicatorSystem } from './types.js';
import { IndicatorInputs, WeightedResult } from './WeightedEvaluation.js';

/** The request's `indicators`: entered values as text with the indicator's unit. */
function indicatorInputs(system: IndicatorSystem, entries: Record<string, IndicatorEntry>) {
  const out: Record<string, { value?: string; level?: string | null; notApplicable?: string }> = {};
  for (const i of system.indicators) {
    const e = entries[i.id];
    if (e?.notApplicable) out[i.id] = { notApplicable: '不适用 not applicable' };
    else if (i.direction === 'qualitative') {
      if (e?.level !== undefined) out[i.id] = { level: e.level === '' ? null : e.level };
    } else if (e?.value != null) out[i.id] = { value: `${e.value} ${i.unit ?? ''}`.trim() };
  }
  return out;
}

/**
 * 评价与对标: an enterprise's (or, green park, a park's) year against an indicator system. The
 * indicator table shows every threshold with its mark; the result shows the score per level, the
 * level reached, mandatory indicators missed, what came from the run and what is unverified.
 */
export function EvaluationsPage() {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const selection = useEnterpriseSelection();
  const systems = useRequest('indicator-systems', async (signal) => {
    const page = await call(api.GET('/api/v1/indicator-systems', { signal }));
    return page.items;
  });
  const organisation = useRequest('organisation', (signal) =>
    call(api.GET('/api/v1/organisation', { signal })),
  );
  const list = systems.data ?? [];
  const system = list.find((s) => s.id === params.get('system')) ?? list[0];
  const parks = organisation.data?.parks ?? [];
  const park = parks.find((p) => p.id === params.get('park')) ?? parks[0];
  const [year, setYear] = useState<number | null>(null);
  const shownYear = year ?? selection.year ?? new Date().getFullYear() - 1;

  const [entries, setEntries] = useState<Record<string, IndicatorEntry>>({});
  const [neutralityForm] = Form.useForm<NeutralityFormValues>();
  const [result, setResult] = useState<Evaluation>();
  const [error, setError] = useState<unknown>();
  const [running, setRunning] = useState(false);
  useEffect(() => {
    setEntries({});
    setResult(undefined);
    setError(undefined);
  }, [system?.id]);

  const set = (key: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set(key, value);
      return next;
    });

  const run = async () => {
    if (!system) return;
    setRunning(true);
    setError(undefined);
    try {
      const subject =
        system.subject === 'park'
          ? { parkId: park?.id }
          : { enterpriseId: selection.enterprise?.id };
      const body =
        system.kind === 'neutrality-check'
          ? await neutralityForm.validateFields().then((v) => ({
              neutrality: {
                inventoryVerified: v.inventoryVerified,
                ...(v.gridFactor?.trim() && { gridFactor: v.gridFactor.trim() }),
                reductions: v.reductions ?? [],
                offsets: v.offsets ?? [],
              },
            }))
          : { indicators: indicatorInputs(system, entries) };
      setResult(
        await call(
          api.POST('/api/v1/evaluations', {
            body: { system: system.id, year: shownYear, ...subject, ...body },
          }),
        ),
      );
    } catch (e) {
      setResult(undefined);
      setError(e);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('evaluations.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('evaluations.subtitle')}</Typography.Text>
      </div>
      {systems.status === 'error' ? (
        <ErrorState error={systems.error} onRetry={systems.reload} />
      ) : (
        <Card>
          <Space wrap size="middle">
            <Select
              id="evaluation-system"
              style={{ width: 520 }}
              loading={systems.status === 'loading'}
              value={system?.id}
              options={list.map((s) => ({ value: s.id, label: nameOf(s, lang) }))}
              onChange={(id: string) => set('system', id)}
            />
            {system?.subject === 'park' ? (
              <Select
                id="evaluation-park"
                style={{ width: 260 }}
                value={park?.id}
                options={parks.map((p) => ({ value: p.id, label: nameOf(p, lang) }))}
                onChange={(id: string) => set('park', id)}
              />
            ) : (
              <Select
                id="evaluation-enterprise"
                style={{ width: 260 }}
                showSearch
                optionFilterProp="label"
                value={selection.enterprise?.id}
                options={(selection.enterprises.data ?? []).map((e) => ({
                  value: e.id,
                  label: nameOf(e, lang),
                }))}
                onChange={(id: string) => selection.select({ enterprise: id })}
              />
            )}
            <InputNumber
              id="evaluation-year"
              min={1990}
              max={2100}
              value={shownYear}
              suffix={t('evaluations.yearSuffix')}
              onChange={(y) => setYear(y)}
            />
          </Space>
        </Card>
      )}
      {system && (
        <Card
          title={
            <Space wrap>
              <span>{nameOf(system, lang)}</span>
              {system.template && <Tag color="orange">{t('evaluations.template')}</Tag>}
            </Space>
          }
          extra={
            <Button type="primary" loading={running} onClick={() => void run()} id="evaluate">
              {t('evaluations.run')}
            </Button>
          }
        >
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {system.notice && (
              <Alert
                type="warning"
                showIcon
                title={t('evaluations.notice')}
                description={system.notice}
              />
            )}
            {system.fromRunOnly ? (
              <Typography.Text type="secondary">{t('evaluations.fromRunOnly')}</Typography.Text>
            ) : system.kind === 'neutrality-check' ? (
              <NeutralityInputs system={system} form={neutralityForm} />
            ) : (
              <IndicatorInputs
                system={system}
                entries={entries}
                onChange={(id, entry) => setEntries((e) => ({ ...e, [id]: entry }))}
              />
            )}
          </Space>
        </Card>
      )}
      {error !== undefined && (
        <Alert
          type="error"
          showIcon
          title={
            error instanceof ApiError
              ? error.messages[lang]
              : error instanceof Error
                ? error.message
                : t('common.errorTitle')
          }
          description={
            error instanceof ApiError && error.issues.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {error.issues.map((i, k) => (
                  <li key={k}>
                    {i.field && <Typography.Text code>{i.field}</Typography.Text>} {i.reason}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {result && (
        <Card
          title={t('evaluations.resultTitle', {
            subject: `${result.subject.code} ${result.subject.name}`,
            year: result.year,
          })}
        >
          {result.kind === 'weighted-levels' ? (
            <WeightedResult result={result} />
          ) : result.kind === 'neutrality-check' ? (
            <NeutralityResult result={result} />
          ) : (
            <GradedResult result={result} />
          )}
        </Card>
      )}
    </Space>
  );
}
