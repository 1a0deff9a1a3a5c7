import {
  Button,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { bilingualPart } from '../../format/bilingual.js';
import { formatCompact, formatQuantity } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';
import type { IndicatorSystem, NeutralityEvaluation } from './types.js';

/** The check's inputs the store does not hold, as the form edits them. */
export interface NeutralityFormValues {
  inventoryVerified: boolean;
  gridFactor?: string;
  reductions?: { id: string; amount: string; verified: boolean }[];
  offsets?: { id: string; type: string; amount: string; vintage: number; retired: boolean }[];
}

/** Verified reductions, offsets (credits, green certificates) and the grid factor. */
export function NeutralityInputs({
  system,
  form,
}: {
  system: IndicatorSystem;
  form: FormInstance<NeutralityFormValues>;
}) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ inventoryVerified: false, reductions: [], offsets: [] }}
      className="neutrality-inputs"
    >
      <Space wrap size="large">
        <Form.Item
          name="inventoryVerified"
          label={t('evaluations.neutral.inventoryVerified')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name="gridFactor"
          label={t('evaluations.neutral.gridFactor')}
          extra={t('evaluations.neutral.gridFactorHelp')}
        >
          <Input placeholder="0.5366 tCO2/MWh" style={{ width: 200 }} />
        </Form.Item>
      </Space>
      <Form.Item label={t('evaluations.neutral.offsets')}>
        <Form.List name="offsets">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Space key={f.key} wrap align="baseline">
                  <Form.Item name={[f.name, 'id']} rules={[{ required: true }]} noStyle>
                    <Input placeholder={t('evaluations.neutral.id')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'type']} rules={[{ required: true }]} noStyle>
                    <Select
                      style={{ width: 220 }}
                      placeholder={t('evaluations.neutral.type')}
                      options={system.offsetTypes.map((o) => ({
                        value: o.id,
                        label: lang === 'en' ? o.nameEn : o.name,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']} rules={[{ required: true }]} noStyle>
                    <Input placeholder="1000 tCO2e / 500 MWh" style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'vintage']} rules={[{ required: true }]} noStyle>
                    <InputNumber
                      placeholder={t('evaluations.neutral.vintage')}
                      min={2000}
                      max={2100}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'retired']} valuePropName="checked" noStyle>
                    <Switch
                      checkedChildren={t('evaluations.neutral.retired')}
                      unCheckedChildren={t('evaluations.neutral.notRetired')}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button
                size="small"
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  add({ retired: true, vintage: new Date().getFullYear() - 1, type: 'ccer' })
                }
              >
                {t('evaluations.neutral.addOffset')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('evaluations.neutral.reductions')}>
        <Form.List name="reductions">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Space key={f.key} wrap align="baseline">
                  <Form.Item name={[f.name, 'id']} rules={[{ required: true }]} noStyle>
                    <Input placeholder={t('evaluations.neutral.id')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']} rules={[{ required: true }]} noStyle>
                    <Input placeholder="500 tCO2e" style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'verified']} valuePropName="checked" noStyle>
                    <Switch
                      checkedChildren={t('evaluations.neutral.verified')}
                      unCheckedChildren={t('evaluations.neutral.unverified')}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button
                size="small"
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ verified: true })}
              >
                {t('evaluations.neutral.addReduction')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
    </Form>
  );
}

/** Inventory by category, what was counted against it and why items were refused. */
export function NeutralityResult({ result }: { result: NeutralityEvaluation }) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const r = result.result;
  const categories = new Map(result.system.categories.map((c) => [c.id, c]));
  const stat = (title: string, q: { value: number; unit: string }) => (
    <Col xs={12} md={6}>
      <Statistic title={title} value={formatCompact(q.value, lang)} suffix={q.unit} />
    </Col>
  );
  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      className="evaluation-result"
    >
      <Row gutter={[16, 16]}>
        {stat(t('evaluations.neutral.inventory'), r.inventory)}
        {stat(t('evaluations.neutral.reductionsCounted'), r.reductions)}
        {stat(t('evaluations.neutral.offsetsCounted'), r.offsets)}
        {stat(t('evaluations.neutral.net'), r.net)}
      </Row>
      <Tag color={r.claimable ? 'green' : 'red'} style={{ fontSize: 14, padding: '4px 10px' }}>
        {r.claimable ? t('evaluations.neutral.claimable') : t('evaluations.neutral.notClaimable')}
      </Tag>
      {r.reasons.map((x) => (
        <Typography.Text key={x} type="danger">
          {x}
        </Typography.Text>
      ))}
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={Object.entries(result.inventory).map(([id, q]) => ({ id, q }))}
        columns={[
          {
            title: t('evaluations.neutral.category'),
            key: 'c',
            render: (_, row) => {
              const c = categories.get(row.id);
              return c ? (lang === 'en' ? c.nameEn : c.name) : row.id;
            },
          },
          {
            title: t('evaluations.neutral.inventory'),
            key: 'q',
            render: (_, row) => formatQuantity(row.q.value, row.q.unit, lang),
          },
        ]}
      />
      {r.decisions.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={r.decisions}
          columns={[
            { title: t('evaluations.neutral.id'), dataIndex: 'id' },
            {
              title: t('evaluations.neutral.counted'),
              key: 'counted',
              render: (_, d) => formatQuantity(d.counted.value, d.counted.unit, lang),
            },
            {
              title: t('evaluations.neutral.reasons'),
              key: 'reasons',
              render: (_, d) => d.reasons.join('; ') || '—',
            },
          ]}
        />
      )}
      {r.unverifiedRules.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('evaluations.neutral.unverifiedRules', { rules: r.unverifiedRules.join(', ') })}
        </Typography.Paragraph>
      )}
      {result.notes.map((n) => (
        <Typography.Paragraph key={n} type="secondary" style={{ margin: 0 }}>
          {bilingualPart(n, lang)}
        </Typography.Paragraph>
      ))}
    </Space>
  );
}
