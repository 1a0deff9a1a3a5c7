import { Button, Col, Form, Input, Row, Select, Tooltip } from 'antd';
import { InfoCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SetSummary } from '../../api/client.js';
import { FACTOR_KINDS_SHOWN, isFactorKind } from '../../factors/vocabulary.js';
import { shortLanguage } from '../../i18n/index.js';
import { REGIONS, type RegionGroup } from '../../regions/regions.js';
import type { FactorFilters as Filters } from './useFactorFilters.js';

const REGION_GROUPS: readonly RegionGroup[] = ['wide', 'grid', 'province'];
const FIRST_YEAR = 2000;

interface Option {
  readonly value: string;
  readonly label: string;
  /** What typing in the select matches: both languages and the code. */
  readonly search: string;
}

function matches(input: string, option: Option | undefined): boolean {
  return option !== undefined && option.search.toLowerCase().includes(input.trim().toLowerCase());
}

export function FactorFilters({
  filters,
  sets,
  onChange,
  onReset,
}: {
  filters: Filters;
  sets: readonly SetSummary[];
  onChange: (change: Partial<Pick<Filters, 'q' | 'kind' | 'region' | 'year' | 'set'>>) => void;
  onReset: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);

  const kindOptions: Option[] = FACTOR_KINDS_SHOWN.map((k) => ({
    value: k,
    label: t(`kind.${k}`),
    search: `${t(`kind.${k}`)} ${k}`,
  }));
  const regionOptions = REGION_GROUPS.map((group) => ({
    label: t(`factors.regionGroups.${group}`),
    title: group,
    options: REGIONS.filter((r) => r.group === group).map<Option>((r) => ({
      value: r.code,
      label: lang === 'zh' ? r.name : r.nameEn,
      search: `${r.name} ${r.nameEn} ${r.code}`,
    })),
  }));
  // Years as a list: users pick a reporting year, they do not type dates.
  const lastYear = new Date().getFullYear();
  const yearOptions: Option[] = Array.from({ length: lastYear - FIRST_YEAR + 1 }, (_, i) => {
    const y = String(lastYear - i);
    return { value: y, label: y, search: y };
  });
  const setOptions: Option[] = sets.map((s) => ({
    value: s.id,
    label: `${lang === 'zh' ? s.name : s.nameEn} (${s.version})`,
    search: `${s.name} ${s.nameEn} ${s.id}`,
  }));

  // Selects get `null`, not `undefined`, for "no filter": rc-select treats undefined as
  // uncontrolled and would keep showing the previous choice after the URL dropped it.
  return (
    <Form layout="vertical" component="div">
      <Row gutter={[16, 0]}>
        <Col xs={24}>
          <Form.Item label={t('factors.search')} htmlFor="factor-search">
            <Input.Search
              id="factor-search"
              key={filters.q /* a new query from the URL (back button) refills the box */}
              defaultValue={filters.q}
              placeholder={t('factors.searchPlaceholder')}
              allowClear
              enterButton={t('factors.search')}
              size="large"
              onSearch={(value) => onChange({ q: value.trim() })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={5}>
          <Form.Item label={t('factors.filters.kind')} htmlFor="factor-filter-kind">
            <Select<string | null, Option>
              id="factor-filter-kind"
              allowClear
              showSearch={{ filterOption: matches }}
              placeholder={t('factors.filters.allKinds')}
              value={filters.kind ?? null}
              options={kindOptions}
              onChange={(v) =>
                onChange({ kind: v !== null && v !== undefined && isFactorKind(v) ? v : undefined })
              }
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={5}>
          <Form.Item
            label={
              <span>
                {t('factors.filters.region')}{' '}
                <Tooltip title={t('factors.filters.regionHint')}>
                  <InfoCircleOutlined />
                </Tooltip>
              </span>
            }
            htmlFor="factor-filter-region"
          >
            <Select<string | null>
              id="factor-filter-region"
              allowClear
              showSearch={{
                filterOption: (input, option) =>
                  option !== undefined && 'search' in option && typeof option.search === 'string'
                    ? option.search.toLowerCase().includes(input.trim().toLowerCase())
                    : false,
              }}
              placeholder={t('factors.filters.allRegions')}
              value={filters.region ?? null}
              options={regionOptions}
              onChange={(v) => onChange({ region: v ?? undefined })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={4}>
          <Form.Item label={t('factors.filters.year')} htmlFor="factor-filter-year">
            <Select<string | null, Option>
              id="factor-filter-year"
              allowClear
              showSearch={{ filterOption: matches }}
              placeholder={t('factors.filters.allYears')}
              value={filters.year === undefined ? null : String(filters.year)}
              options={yearOptions}
              onChange={(v) =>
                onChange({ year: v === null || v === undefined ? undefined : Number(v) })
              }
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Form.Item label={t('factors.filters.set')} htmlFor="factor-filter-set">
            <Select<string | null, Option>
              id="factor-filter-set"
              allowClear
              showSearch={{ filterOption: matches }}
              placeholder={t('factors.filters.allSets')}
              value={filters.set ?? null}
              options={setOptions}
              popupMatchSelectWidth={false}
              onChange={(v) => onChange({ set: v ?? undefined })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} xl={3}>
          <Form.Item label=" " colon={false}>
            <Button icon={<ReloadOutlined />} onClick={onReset} block>
              {t('factors.filters.reset')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
