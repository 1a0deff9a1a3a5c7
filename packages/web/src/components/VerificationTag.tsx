import { Tag, Tooltip } from 'antd';
import {
  CheckCircleOutlined,
  ExclamationCircleOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Verification } from '@carbonbase/factors';

// Colours carry the meaning users act on: green can be used, blue should be cited with care,
// orange must be checked against the original before use.
const STYLE = {
  verified: { color: 'success', icon: <CheckCircleOutlined /> },
  secondary: { color: 'processing', icon: <ExclamationCircleOutlined /> },
  recalled: { color: 'warning', icon: <QuestionCircleOutlined /> },
} as const satisfies Record<Verification, unknown>;

export function VerificationTag({ verification }: { verification: Verification }) {
  const { t } = useTranslation();
  const style = STYLE[verification];
  return (
    <Tooltip title={t(`verification.${verification}Help`)}>
      <Tag color={style.color} icon={style.icon} variant="outlined">
        {t(`verification.${verification}`)}
      </Tag>
    </Tooltip>
  );
}
