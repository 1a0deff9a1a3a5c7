import type { ReactNode } from 'react';
import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { bilingualPart } from '../format/bilingual.js';
import { shortLanguage } from '../i18n/index.js';
import type { EnterpriseSelection } from './useEnterpriseSelection.js';

/**
 * Name of an organisation record in the reader's language: the English name when there is one,
 * else the Chinese or English part of a "中文 English" name (emission sources are named so).
 */
export function nameOf(item: { name: string; nameEn?: string }, lang: 'zh' | 'en'): string {
  return lang === 'en' && item.nameEn ? item.nameEn : bilingualPart(item.name, lang);
}

/**
 * The heading of an enterprise page: the title, and the enterprise and year being shown. Users
 * with one enterprise see its name; users with several pick one (searchable by name or code).
 */
export function EnterpriseBar({
  title,
  selection,
  extra,
}: {
  title: string;
  selection: EnterpriseSelection;
  extra?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const list = selection.enterprises.data ?? [];
  return (
    <div
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: 12,
        alignItems: 'center',
        justifyContent: 'space-between',
      }}
    >
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {selection.enterprise && (
          <Typography.Text type="secondary">
            {nameOf(selection.enterprise, lang)}
            {selection.year !== undefined && ` · ${t('common.yearOf', { year: selection.year })}`}
          </Typography.Text>
        )}
      </div>
      <Space wrap>
        {list.length > 1 && (
          <Select
            id="enterprise-select"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 300 }}
            value={selection.enterprise?.id}
            aria-label={t('common.enterprise')}
            options={list.map((e) => ({
              value: e.id,
              label: `${nameOf(e, lang)} (${e.code})`,
            }))}
            onChange={(id: string) => selection.select({ enterprise: id })}
          />
        )}
        {selection.years.length > 0 && (
          <Select
            id="year-select"
            style={{ width: 110 }}
            value={selection.year}
            aria-label={t('common.year')}
            options={selection.years.map((y) => ({
              value: y,
              label: t('common.yearOf', { year: y }),
            }))}
            onChange={(y: number) => selection.select({ year: y })}
          />
        )}
        {extra}
      </Space>
    </div>
  );
}
