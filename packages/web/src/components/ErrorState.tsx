import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { shortLanguage } from '../i18n/index.js';

/** A failed request, in the user's language, with a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const description =
    error instanceof ApiError
      ? error.messages[lang]
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.errorTitle')}
      description={description}
      action={
        <Button size="small" danger onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
