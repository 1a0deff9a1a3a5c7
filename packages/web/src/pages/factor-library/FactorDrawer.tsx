import {
  Descriptions,
  Drawer,
  Flex,
  Skeleton,
  Space,
  Tag,
  Typography,
  type DescriptionsProps,
} from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call, type FactorJson, type SetSummary } from '../../api/client.js';
import { useApi } from '../../api/ApiContext.js';
import { useRequest } from '../../api/useRequest.js';
import { ErrorState } from '../../components/ErrorState.js';
import { VerificationTag } from '../../components/VerificationTag.js';
import { formatNumber } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';
import zhCN from '../../i18n/zh-CN.json' with { type: 'json' };
import { regionLabel } from '../../regions/regions.js';

type Items = NonNullable<DescriptionsProps['items']>;

type ParameterCode = keyof (typeof zhCN)['parameter'];
type BasisCode = keyof (typeof zhCN)['basis'];
type LicenceCode = keyof (typeof zhCN)['licence'];
const isParameterCode = (code: string): code is ParameterCode =>
  Object.hasOwn(zhCN.parameter, code);
const isBasisCode = (code: string): code is BasisCode => Object.hasOwn(zhCN.basis, code);
const isLicenceCode = (code: string): code is LicenceCode => Object.hasOwn(zhCN.licence, code);

/** A label for a parameter or basis code, or the raw code when the catalogue does not know it. */
function useCodeLabels() {
  const { t } = useTranslation();
  return {
    parameter: (code: string) =>
      isParameterCode(code) ? `${t(`parameter.${code}`)} (${code})` : code,
    basis: (code: string) => (isBasisCode(code) ? `${t(`basis.${code}`)} (${code})` : code),
    // Licences from imported sets are free text, shown as written.
    licence: (code: string) => (isLicenceCode(code) ? `${t(`licence.${code}`)} (${code})` : code),
  };
}

function FactorDetails({ factor, sets }: { factor: FactorJson; sets: readonly SetSummary[] }) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const codeLabel = useCodeLabels();
  const none = t('common.none');
  const set = sets.find((s) => s.id === factor.set);
  const ref = `${factor.id}@${factor.version}`;

  const validity =
    factor.validFrom && factor.validTo
      ? `${factor.validFrom} ~ ${factor.validTo}`
      : factor.validFrom
        ? t('drawer.validFromOnly', { from: factor.validFrom })
        : factor.validTo
          ? t('drawer.validToOnly', { to: factor.validTo })
          : none;

  const basics: Items = [
    { key: 'nameZh', label: t('drawer.nameZh'), children: factor.name },
    { key: 'nameEn', label: t('drawer.nameEn'), children: factor.nameEn },
    { key: 'kind', label: t('drawer.kind'), children: t(`kind.${factor.kind}`) },
    {
      key: 'code',
      label: t('drawer.code'),
      children: <Typography.Text code>{factor.code}</Typography.Text>,
    },
    {
      key: 'parameter',
      label: t('drawer.parameter'),
      children: codeLabel.parameter(factor.parameter),
    },
    { key: 'gas', label: t('drawer.gas'), children: factor.gas ?? none },
    {
      key: 'region',
      label: t('drawer.region'),
      children: `${regionLabel(factor.region, lang)} (${factor.region})`,
    },
    { key: 'year', label: t('drawer.year'), children: factor.year ?? none },
    { key: 'validity', label: t('drawer.validity'), children: validity },
    {
      key: 'basis',
      label: t('drawer.basis'),
      children: factor.basis ? codeLabel.basis(factor.basis) : none,
    },
    {
      key: 'ref',
      label: t('drawer.ref'),
      children: (
        <Space orientation="vertical" size={0}>
          <Typography.Text code copyable={{ text: ref }}>
            {ref}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('drawer.refHelp')}
          </Typography.Text>
        </Space>
      ),
    },
  ];

  const provenance: Items = [
    { key: 'document', label: t('drawer.document'), children: factor.source.document },
    { key: 'clause', label: t('drawer.clause'), children: factor.source.clause ?? none },
    { key: 'publisher', label: t('drawer.publisher'), children: factor.source.publisher ?? none },
    {
      key: 'url',
      label: t('drawer.url'),
      children: factor.source.url ? (
        // The source is a third-party site: no referrer, no access to this page.
        <Typography.Link href={factor.source.url} target="_blank" rel="noopener noreferrer">
          <LinkOutlined /> {factor.source.url}
        </Typography.Link>
      ) : (
        none
      ),
    },
    { key: 'licence', label: t('drawer.licence'), children: codeLabel.licence(factor.licence) },
    {
      key: 'set',
      label: t('drawer.set'),
      children: (
        <Space orientation="vertical" size={0}>
          {set && <span>{lang === 'zh' ? set.name : set.nameEn}</span>}
          <Typography.Text type="secondary">
            {factor.set}@{factor.version}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'verification',
      label: t('drawer.verification'),
      children: <VerificationTag verification={factor.verification} />,
    },
    {
      key: 'aliases',
      label: t('drawer.aliases'),
      children: factor.aliases?.length ? (
        <Flex wrap gap={4}>
          {factor.aliases.map((a) => (
            <Tag key={a}>{a}</Tag>
          ))}
        </Flex>
      ) : (
        none
      ),
    },
    {
      key: 'notes',
      label: t('drawer.notes'),
      children: factor.notes ? (
        <Space orientation="vertical" size={4}>
          <Typography.Paragraph style={{ marginBottom: 0 }}>{factor.notes}</Typography.Paragraph>
          {lang === 'zh' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('drawer.notesLanguage')}
            </Typography.Text>
          )}
        </Space>
      ) : (
        none
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex align="baseline" gap={12} wrap>
        <Typography.Text
          style={{ fontSize: 30, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}
        >
          {formatNumber(factor.value, lang)}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 18 }}>
          {factor.unit}
        </Typography.Text>
        <VerificationTag verification={factor.verification} />
      </Flex>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={basics}
        styles={{ label: { width: 130 } }}
      />
      <Descriptions
        title={t('drawer.provenance')}
        size="small"
        column={1}
        bordered
        items={provenance}
        styles={{ label: { width: 130 } }}
      />
    </Space>
  );
}

/** Loads the factor by id, so a link with `?factor=<id>` opens the same details. */
function FactorDrawerBody({ id, sets }: { id: string; sets: readonly SetSummary[] }) {
  const api = useApi();
  const request = useRequest(`factor:${id}`, (signal) =>
    call(api.GET('/api/v1/factors/{*}', { params: { path: { '*': id } }, signal })),
  );
  if (request.status === 'error')
    return <ErrorState error={request.error} onRetry={request.reload} />;
  if (request.status === 'loading' || !request.data)
    return <Skeleton active paragraph={{ rows: 10 }} />;
  return <FactorDetails factor={request.data} sets={sets} />;
}

export function FactorDrawer({
  id,
  sets,
  titleOf,
  onClose,
}: {
  id: string | undefined;
  sets: readonly SetSummary[];
  /** The name shown while the details load, when the row is on screen. */
  titleOf: (id: string) => string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={id !== undefined}
      onClose={onClose}
      size={640}
      title={(id && titleOf(id)) ?? t('drawer.title')}
      destroyOnHidden
    >
      {id && <FactorDrawerBody key={id} id={id} sets={sets} />}
    </Drawer>
  );
}
