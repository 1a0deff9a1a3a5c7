import {
  Checkbox,
  Col,
  InputNumber,
  Progress,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { bilingualPart } from '../../format/bilingual.js';
import { formatNumber } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';
import { MarkTag } from './MarkTag.js';
import type {
  IndicatorEntry,
  IndicatorSystem,
  SystemIndicator,
  WeightedEvaluation,
} from './types.js';

type Lang = 'zh' | 'en';

/** A dimensionless ratio's unit "1" is not shown. */
const shownUnit = (unit: string) => (unit === '1' ? '' : unit);
/** A number with its unit as shown in the tables: "10%", "105 kgce/t", "1.2". */
const withUnit = (text: string, unit: string) =>
  unit === '%' ? `${text}%` : `${text} ${shownUnit(unit)}`.trim();

const indicatorName = (i: { name: string; nameEn: string }, lang: Lang) =>
  lang === 'en' ? i.nameEn : bilingualPart(i.name, 'zh');

function Thresholds({ indicator, lang }: { indicator: SystemIndicator; lang: Lang }) {
  if (indicator.thresholds.length === 0)
    return <Typography.Text type="secondary">—</Typography.Text>;
  const cmp = indicator.direction === 'lower-better' ? '≤' : '≥';
  return (
    <Space orientation="vertical" size={2}>
      {indicator.thresholds.map((t) => (
        <span key={t.level} style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text strong>{t.level}</Typography.Text> {cmp}{' '}
          {withUnit(formatNumber(t.value.value, lang), t.value.unit)} <MarkTag mark={t.mark} />
        </span>
      ))}
    </Space>
  );
}

function Name({ indicator, lang }: { indicator: SystemIndicator; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <span>{indicatorName(indicator, lang)}</span>
      {indicator.mandatory && <Tag color="volcano">{t('evaluations.mandatory')}</Tag>}
      {indicator.fromStore && <Tag color="blue">{t('evaluations.fromStore')}</Tag>}
    </Space>
  );
}

/**
 * The indicators of a weighted system with their thresholds and marks, and an input for each:
 * a number in the indicator's unit, or the level the evidence supports (qualitative), or "does
 * not apply". Indicators the store fills may be left empty.
 */
export function IndicatorInputs({
  system,
  entries,
  onChange,
}: {
  system: IndicatorSystem;
  entries: Readonly<Record<string, IndicatorEntry>>;
  onChange: (id: string, entry: IndicatorEntry) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const groups = new Map(system.groups.map((g) => [g.id, g]));
  return (
    <Table<SystemIndicator>
      className="indicator-inputs"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={system.indicators}
      scroll={{ x: 1000 }}
      columns={[
        {
          title: t('evaluations.col.group'),
          key: 'group',
          width: 150,
          render: (_, i) => {
            const g = groups.get(i.group);
            return g ? indicatorName(g, lang) : '';
          },
        },
        {
          title: t('evaluations.col.indicator'),
          key: 'name',
          width: 320,
          render: (_, i) => <Name indicator={i} lang={lang} />,
        },
        {
          title: t('evaluations.col.thresholds'),
          key: 'thresholds',
          render: (_, i) => <Thresholds indicator={i} lang={lang} />,
        },
        {
          title: t('evaluations.col.input'),
          key: 'input',
          render: (_, i) => {
            const e = entries[i.id] ?? {};
            const na = e.notApplicable === true;
            return (
              <Space>
                {i.direction === 'qualitative' ? (
                  <Select
                    id={`ind-${i.id}`}
                    style={{ width: 150 }}
                    disabled={na}
                    placeholder={t('evaluations.chooseLevel')}
                    value={e.level}
                    options={[
                      ...system.levels.map((l) => ({ value: l, label: l })),
                      { value: '', label: t('evaluations.noLevel') },
                    ]}
                    onChange={(level: string) => onChange(i.id, { ...e, level })}
                  />
                ) : (
                  <InputNumber
                    id={`ind-${i.id}`}
                    style={{ width: 170 }}
                    disabled={na}
                    placeholder={i.fromStore ? t('evaluations.fromRun') : undefined}
                    value={e.value ?? null}
                    suffix={shownUnit(i.unit ?? '')}
                    onChange={(value) => onChange(i.id, { ...e, value })}
                  />
                )}
                <Checkbox
                  checked={na}
                  onChange={(ev) => onChange(i.id, { ...e, notApplicable: ev.target.checked })}
                >
                  {t('evaluations.notApplicable')}
                </Checkbox>
              </Space>
            );
          },
        },
      ]}
    />
  );
}

/** Scores per level, the level reached, and each indicator with its value, source and marks. */
export function WeightedResult({ result }: { result: WeightedEvaluation }) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      className="evaluation-result"
    >
      <Row gutter={[16, 16]} align="middle">
        <Col xs={24} md={8}>
          <Typography.Text type="secondary">{t('evaluations.levelReached')}</Typography.Text>
          <div style={{ fontSize: 28, fontWeight: 600 }} className="evaluation-level">
            {result.level ?? t('evaluations.noLevelReached')}
          </div>
          {result.system.template && <Tag color="orange">{t('evaluations.template')}</Tag>}
        </Col>
        <Col xs={24} md={16}>
          {result.levels.map((l) => (
            <div key={l.level} style={{ marginBottom: 8 }}>
              <Space size={6} wrap>
                <Typography.Text strong>{l.level}</Typography.Text>
                <Typography.Text>
                  {t('evaluations.score', {
                    score: formatNumber(l.score, lang, 1),
                    min: l.minScore,
                  })}
                </Typography.Text>
                <Tag color={l.reached ? 'green' : 'default'}>
                  {l.reached ? t('evaluations.reached') : t('evaluations.notReached')}
                </Tag>
                <MarkTag mark={l.ruleMark} />
                {l.mandatoryMisses.length > 0 && (
                  <Typography.Text type="danger">
                    {t('evaluations.mandatoryMisses', { ids: l.mandatoryMisses.join(', ') })}
                  </Typography.Text>
                )}
              </Space>
              <Progress
                percent={Math.round(l.score * 10) / 10}
                success={{ percent: 0 }}
                strokeColor={l.reached ? '#1b7f5f' : '#3b82c4'}
                size="small"
              />
            </div>
          ))}
        </Col>
      </Row>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={result.indicators}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: t('evaluations.col.indicator'),
            key: 'name',
            render: (_, i) => <Name indicator={i} lang={lang} />,
          },
          {
            title: t('evaluations.col.value'),
            key: 'value',
            render: (_, i) => (
              <Space orientation="vertical" size={0}>
                <span>
                  {!i.applicable
                    ? t('evaluations.notApplicable')
                    : i.value
                      ? withUnit(formatNumber(i.value.value, lang, 3), i.value.unit)
                      : (i.assessedLevel ?? t('evaluations.noLevel'))}
                </span>
                {i.applicable && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {i.source === 'store'
                      ? t('evaluations.sourceStore')
                      : t('evaluations.sourceRequest')}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('evaluations.col.thresholds'),
            key: 'thresholds',
            render: (_, i) => <Thresholds indicator={i} lang={lang} />,
          },
          {
            title: t('evaluations.col.met'),
            key: 'met',
            render: (_, i) =>
              i.levelsMet.length > 0 ? i.levelsMet.map((l) => <Tag key={l}>{l}</Tag>) : '—',
          },
          {
            title: t('evaluations.col.weight'),
            key: 'weight',
            render: (_, i) => `${formatNumber(i.effectiveWeight * 100, lang, 1)}`,
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('evaluations.unverified', {
          thresholds: result.unverifiedThresholds.length,
          rules: result.unverifiedRules.length,
        })}
      </Typography.Paragraph>
      {result.notes.map((n) => (
        <Typography.Paragraph key={n} type="secondary" style={{ margin: 0 }}>
          {bilingualPart(n, lang)}
        </Typography.Paragraph>
      ))}
    </Space>
  );
}
