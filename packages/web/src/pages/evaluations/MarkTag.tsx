import { Tag, Tooltip } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { VerificationTag } from '../../components/VerificationTag.js';

export type Mark = 'verified' | 'secondary' | 'recalled' | 'example';

/**
 * The mark of a threshold or rule: the factor library's three verification tags, and a grey
 * "example" tag for values made up to show how a template works, never to be read as official.
 */
export function MarkTag({ mark }: { mark: Mark }) {
  const { t } = useTranslation();
  if (mark !== 'example') return <VerificationTag verification={mark} />;
  return (
    <Tooltip title={t('evaluations.exampleHelp')}>
      <Tag icon={<ExperimentOutlined />} variant="outlined">
        {t('evaluations.example')}
      </Tag>
    </Tooltip>
  );
}
