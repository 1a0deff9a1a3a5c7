import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';
import { MarkTag } from './MarkTag.js';
import type { GradedEvaluation } from './types.js';

/**
 * GB 16780-2021 grades of the year's run, as the enterprise overview shows them: each clinker
 * indicator against its grade 1/2/3 limits (after corrections) with their marks, the grade, the
 * indicators not graded and why, and the notes with our readings of the standard tagged R.
 */
export function GradedResult({ result }: { result: GradedEvaluation }) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const g = result.grade;
  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      className="evaluation-result"
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={g.indicators}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('evaluations.col.indicator'),
            key: 'name',
            width: 280,
            render: (_, i) => (lang === 'en' ? i.nameEn : i.name),
          },
          {
            title: t('evaluations.col.value'),
            key: 'value',
            render: (_, i) => `${formatNumber(i.value.value, lang, 2)} ${i.value.unit}`,
          },
          {
            title: t('evaluations.col.thresholds'),
            key: 'limits',
            render: (_, i) => (
              <Space orientation="vertical" size={2}>
                {i.limits.map((l) => (
                  <span key={l.grade} style={{ whiteSpace: 'nowrap' }}>
                    <Typography.Text strong>
                      {t('evaluations.gradeN', { grade: l.grade })}
                    </Typography.Text>{' '}
                    ≤ {formatNumber(l.limit.value, lang, 2)} {l.limit.unit}{' '}
                    <MarkTag mark={l.mark} />
                  </span>
                ))}
              </Space>
            ),
          },
          {
            title: t('evaluations.col.grade'),
            key: 'grade',
            render: (_, i) =>
              i.grade === null ? (
                <Tag color="red">{t('evaluations.overLimit')}</Tag>
              ) : (
                <Tag color={i.grade === '1' ? 'green' : i.grade === '2' ? 'blue' : 'orange'}>
                  {t('evaluations.gradeN', { grade: i.grade })}
                </Tag>
              ),
          },
        ]}
      />
      {g.notGraded.map((n) => (
        <Typography.Text key={n.id} type="secondary">
          {t('evaluations.notGraded', { name: lang === 'en' ? n.nameEn : n.name })}:{' '}
          {n.reason[lang]}
        </Typography.Text>
      ))}
      {g.notes.map((n) => (
        <Typography.Paragraph key={n.id} type="secondary" style={{ margin: 0 }}>
          {n.reading && <Tag color="warning">R</Tag>}
          {n[lang]}
        </Typography.Paragraph>
      ))}
    </Space>
  );
}
