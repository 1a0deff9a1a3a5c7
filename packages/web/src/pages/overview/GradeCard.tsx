import { Alert, Descriptions, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { call } from '../../api/client.js';
import type { Enterprise, Quantity } from '../../api/types.js';
import { useRequest } from '../../api/useRequest.js';
import { Panel } from '../../components/Panel.js';
import { bilingualPart } from '../../format/bilingual.js';
import { formatNumber, formatQuantity } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';

interface Intensity {
  readonly id: string;
  readonly name: string;
  readonly value: Quantity;
}

const isQuantity = (v: unknown): v is Quantity =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Quantity).value === 'number' &&
  typeof (v as Quantity).unit === 'string';

/** The intensities and energy of a full result (GET /runs/{id}/report.json, an open object). */
function readReport(report: Record<string, unknown>): {
  intensities: Intensity[];
  energy: Quantity | undefined;
} {
  const list = Array.isArray(report.intensities) ? (report.intensities as unknown[]) : [];
  const intensities = list.filter(
    (i): i is Intensity =>
      typeof i === 'object' &&
      i !== null &&
      typeof (i as Intensity).id === 'string' &&
      isQuantity((i as Intensity).value),
  );
  const energy = (report.energy as { calorific?: unknown } | undefined)?.calorific;
  return { intensities, energy: isQuantity(energy) ? energy : undefined };
}

const isCement = (e: Enterprise | undefined) =>
  !!e && (e.methodSet?.startsWith('cn-cement') === true || /水泥|cement/i.test(e.industry ?? ''));

/**
 * 强度与能效等级: the run's intensities and energy, and for cement the GB 16780-2021 grade
 * limits from the factor base. The grade itself needs the comparable unit energy consumption
 * (corrected for the clinker ratio, clause 4.2), which the run does not carry yet: the card
 * says so instead of grading an uncorrected figure.
 */
export function GradeCard({
  enterprise,
  runId,
}: {
  enterprise: Enterprise | undefined;
  runId: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const api = useApi();
  const report = useRequest(`report:${runId}`, async (signal) =>
    runId === undefined
      ? undefined
      : readReport(
          await call(
            api.GET('/api/v1/runs/{id}/report.json', { params: { path: { id: runId } }, signal }),
          ),
        ),
  );
  const cement = isCement(enterprise);
  const limits = useRequest(`gb16780:${cement}`, async (signal) => {
    if (!cement) return [];
    const page = await call(
      api.GET('/api/v1/factors', {
        params: { query: { kind: 'threshold', q: 'clinker comprehensive energy', limit: 20 } },
        signal,
      }),
    );
    return page.items
      .filter((f) => f.code === 'clinker.comprehensive-energy')
      .sort((a, b) => a.parameter.localeCompare(b.parameter));
  });

  return (
    <Panel title={t('grade.title')} request={report} isEmpty={(r) => !r} empty={t('common.noData')}>
      {(r) =>
        r && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" column={1} bordered styles={{ label: { width: '60%' } }}>
              {r.intensities.map((i) => (
                <Descriptions.Item key={i.id} label={bilingualPart(i.name, lang)}>
                  {formatQuantity(Number(i.value.value.toFixed(4)), i.value.unit, lang)}
                </Descriptions.Item>
              ))}
              {r.energy && (
                <Descriptions.Item label={t('grade.energy')}>
                  {formatQuantity(Math.round(r.energy.value), r.energy.unit, lang)}
                </Descriptions.Item>
              )}
            </Descriptions>
            {cement ? (
              <>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="id"
                  loading={limits.status === 'loading'}
                  dataSource={limits.data ?? []}
                  columns={[
                    {
                      title: t('grade.limit'),
                      dataIndex: 'parameter',
                      render: (p: string) =>
                        t(`parameter.${p}` as 'parameter.grade-1', { defaultValue: p }),
                    },
                    {
                      title: t('grade.clinkerEnergy'),
                      key: 'value',
                      render: (_: unknown, f: { value: number; unit: string }) =>
                        `≤ ${formatNumber(f.value, lang)} ${f.unit}`,
                    },
                  ]}
                />
                <Alert type="info" showIcon title={t('grade.missing')} />
              </>
            ) : (
              <Typography.Text type="secondary">{t('grade.notCement')}</Typography.Text>
            )}
          </Space>
        )
      }
    </Panel>
  );
}
