import { Alert, Descriptions, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Verification } from '@carbonbase/factors';
import { useApi } from '../../api/ApiContext.js';
import { call, type GetOk } from '../../api/client.js';
import type { Enterprise } from '../../api/types.js';
import { useRequest } from '../../api/useRequest.js';
import { Panel } from '../../components/Panel.js';
import { VerificationTag } from '../../components/VerificationTag.js';
import { bilingualPart } from '../../format/bilingual.js';
import { formatNumber, formatQuantity, type NumberLang } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';

type RunFigures = GetOk<'/api/v1/runs/{id}/figures'>;
type Grade = NonNullable<RunFigures['gb16780']['grade']>;
type Indicator = Grade['indicators'][number];

// 1级 is the efficiency benchmark, 3级 the mandatory limit: green for the best, red only for a
// figure above the limit, the others neutral so that the eye goes to the two ends.
const GRADE_COLOUR: Record<string, string> = { '1': 'success', '2': 'processing', '3': 'warning' };

function GradeTag({ grade }: { grade: string | null }) {
  const { t } = useTranslation();
  if (grade === null) return <Tag color="error">{t('grade.aboveLimit')}</Tag>;
  return <Tag color={GRADE_COLOUR[grade] ?? 'default'}>{t('grade.gradeN', { grade })}</Tag>;
}

/** The least sure mark among the limits used (an example value is never a limit here). */
function weakest(indicators: readonly Indicator[]): Verification {
  const marks = indicators.flatMap((i) => i.limits.map((l) => l.mark));
  if (marks.includes('recalled') || marks.includes('example')) return 'recalled';
  return marks.includes('secondary') ? 'secondary' : 'verified';
}

const NOWRAP = { whiteSpace: 'nowrap' } as const;

const indicatorName = (i: { name: string; nameEn: string }, lang: NumberLang) =>
  lang === 'zh' ? i.name : i.nameEn;

/**
 * The limit of one grade, named in a tooltip with the corrections applied to it; a corrected
 * limit is underlined so that the reader knows there is arithmetic behind it.
 */
function LimitCell({ limit, lang }: { limit: Indicator['limits'][number]; lang: NumberLang }) {
  const { t } = useTranslation();
  const corrected = limit.corrections.length > 0;
  return (
    <Tooltip
      title={[t('grade.limitTitle', { grade: limit.grade }), ...limit.corrections].join('\n')}
    >
      <Typography.Text underline={corrected} style={NOWRAP}>
        ≤{formatNumber(Number(limit.limit.value.toFixed(2)), lang)}
      </Typography.Text>
    </Tooltip>
  );
}

/**
 * 强度与能效等级: the run's intensities and energy (GET /runs/{id}/figures) and, for a clinker
 * plant, each GB 16780-2021 indicator against its three grade limits with the grade reached,
 * the corrections applied and the notes, our readings of the standard marked R.
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
  const figures = useRequest(`figures:${runId}`, async (signal) =>
    runId === undefined
      ? undefined
      : call(api.GET('/api/v1/runs/{id}/figures', { params: { path: { id: runId } }, signal })),
  );

  return (
    <Panel
      // the card head cuts a long title with an ellipsis: the full one on hover
      title={<span title={t('grade.title')}>{t('grade.title')}</span>}
      request={figures}
      isEmpty={(f) => !f}
      empty={t('common.noData')}
    >
      {(f) =>
        f && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" column={1} bordered styles={{ label: { width: '60%' } }}>
              {f.intensities.map((i) => (
                <Descriptions.Item key={i.id} label={bilingualPart(i.name, lang)}>
                  {formatQuantity(Number(i.value.value.toFixed(4)), i.value.unit, lang)}
                </Descriptions.Item>
              ))}
              <Descriptions.Item label={t('grade.energy')}>
                {formatQuantity(
                  Math.round(f.energy.calorific.value),
                  f.energy.calorific.unit,
                  lang,
                )}
              </Descriptions.Item>
            </Descriptions>
            {f.gb16780.grade ? (
              <GradeDetail grade={f.gb16780.grade} lang={lang} />
            ) : (
              <Typography.Text type="secondary">
                {f.gb16780.reason ? f.gb16780.reason[lang] : t('grade.notCement')}
                {enterprise?.industry ? ` (${bilingualPart(enterprise.industry, lang)})` : ''}
              </Typography.Text>
            )}
          </Space>
        )
      }
    </Panel>
  );
}

function GradeDetail({ grade, lang }: { grade: Grade; lang: NumberLang }) {
  const { t } = useTranslation();
  // the cement indicators share one reason: say it once under their names
  const reasons = new Map<string, string[]>();
  for (const n of grade.notGraded)
    reasons.set(n.reason[lang], [...(reasons.get(n.reason[lang]) ?? []), indicatorName(n, lang)]);
  const unverified = grade.indicators.filter((i) => i.unverified);
  return (
    <>
      <Table<Indicator>
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={grade.indicators}
        columns={[
          {
            title: t('grade.indicator'),
            key: 'name',
            // the standard's names are long: keep them to two lines in a narrow card
            onCell: () => ({ style: { minWidth: 112 } }),
            render: (_, i) => indicatorName(i, lang),
          },
          {
            title: t('grade.valueGrade'),
            key: 'value',
            align: 'right',
            // value and grade in one cell: the card is a third of a laptop screen wide
            render: (_, i) => (
              <Space orientation="vertical" size={2} align="end">
                <span style={NOWRAP}>
                  {formatQuantity(Number(i.value.value.toFixed(2)), i.value.unit, lang)}
                </span>
                <GradeTag grade={i.grade} />
              </Space>
            ),
          },
          {
            title: t('grade.limits'),
            key: 'limits',
            align: 'right',
            // one under the other, grade 1 first: side by side they pushed the table past the
            // card in English
            render: (_, i) => (
              <Space orientation="vertical" size={0} align="end">
                {i.limits.map((l) => (
                  <LimitCell key={l.grade} limit={l} lang={lang} />
                ))}
              </Space>
            ),
          },
        ]}
      />
      {[...reasons].map(([reason, names]) => (
        <Alert
          key={reason}
          type="info"
          showIcon
          title={t('grade.notGraded', { names: names.join(lang === 'zh' ? '、' : '; ') })}
          description={reason}
        />
      ))}
      <Typography.Text strong>{t('grade.notes')}</Typography.Text>
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {grade.notes.map((n) => (
          <li key={n.id}>
            {n.reading && (
              <Tooltip title={t('grade.readingHelp')}>
                <Tag color="warning">{t('grade.reading')}</Tag>
              </Tooltip>
            )}
            {n[lang]}
          </li>
        ))}
      </ul>
      <Space size={4} wrap>
        {unverified.length > 0 && <VerificationTag verification={weakest(unverified)} />}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('grade.provenance', {
            set: grade.factorSet,
            coefficient: `${formatNumber(grade.coefficient.value.value, lang)} ${grade.coefficient.value.unit}`,
            ref: grade.coefficient.ref,
          })}
        </Typography.Text>
      </Space>
    </>
  );
}
