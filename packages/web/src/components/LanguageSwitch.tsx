import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../i18n/index.js';

// Each language is named in itself, so a user who cannot read the current one still finds theirs.
const OPTIONS: { label: string; value: Language }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'English', value: 'en-US' },
];

export function LanguageSwitch({
  value,
  onChange,
}: {
  value: Language;
  onChange: (l: Language) => void;
}) {
  const { t } = useTranslation();
  return (
    <Segmented
      aria-label={t('app.language')}
      options={OPTIONS}
      value={value}
      onChange={(v) => {
        if (isLanguage(v)) onChange(v);
      }}
    />
  );
}
