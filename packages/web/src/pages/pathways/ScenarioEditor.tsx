import { useState } from 'react';
import { Alert, Button, Drawer, Form, Input, InputNumber, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { shortLanguage } from '../../i18n/index.js';
import type { ScenarioDocument } from './types.js';

/** A rate period as the form edits it: the rate as a number of % a year. */
interface RateRow {
  from: number;
  to: number;
  rate: number;
}

interface FormValues {
  id: string;
  name: string;
  nameEn: string;
  baseYear: number;
  production: string;
  intensity: string;
  growth: RateRow[];
  intensityChange: RateRow[];
  measures: { id: string; from: number; until?: number | null; abatement: string }[];
  notes?: string;
}

/** "3 %" → 3; the API stores rates as text and the editor shows them in % a year. */
const percent = (text: string): number => {
  const m = /^\s*(-?[0-9.]+(?:e-?\d+)?)\s*%\s*$/i.exec(text);
  return m ? Number(m[1]) : Number.NaN;
};

const toForm = (d: ScenarioDocument): FormValues => ({
  id: d.id,
  name: d.name,
  nameEn: d.nameEn,
  baseYear: d.baseYear,
  production: d.production,
  intensity: d.intensity,
  growth: d.growth.map((g) => ({ from: g.from, to: g.to, rate: percent(g.ratePerYear) })),
  intensityChange: d.intensityChange.map((g) => ({
    from: g.from,
    to: g.to,
    rate: percent(g.ratePerYear),
  })),
  measures: d.measures.map((m) => ({ ...m })),
  ...(d.notes !== undefined && { notes: d.notes }),
});

const toDocument = (v: FormValues): ScenarioDocument => ({
  id: v.id.trim(),
  name: v.name.trim(),
  nameEn: v.nameEn.trim(),
  baseYear: v.baseYear,
  production: v.production.trim(),
  intensity: v.intensity.trim(),
  growth: (v.growth ?? []).map((g) => ({ from: g.from, to: g.to, ratePerYear: `${g.rate} %` })),
  intensityChange: (v.intensityChange ?? []).map((g) => ({
    from: g.from,
    to: g.to,
    ratePerYear: `${g.rate} %`,
  })),
  measures: (v.measures ?? []).map((m) => ({
    id: m.id.trim(),
    from: m.from,
    ...(m.until != null && { until: m.until }),
    abatement: m.abatement.trim(),
  })),
  ...(v.notes?.trim() && { notes: v.notes.trim() }),
});

function RateList({ name, label }: { name: 'growth' | 'intensityChange'; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'from']} rules={[{ required: true }]} noStyle>
                  <InputNumber placeholder={t('pathways.editor.from')} min={1990} max={2060} />
                </Form.Item>
                <span>–</span>
                <Form.Item name={[f.name, 'to']} rules={[{ required: true }]} noStyle>
                  <InputNumber placeholder={t('pathways.editor.to')} min={1990} max={2060} />
                </Form.Item>
                <Form.Item name={[f.name, 'rate']} rules={[{ required: true }]} noStyle>
                  <InputNumber step={0.1} suffix="%/a" style={{ width: 120 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add()}>
              {t('pathways.editor.addPeriod')}
            </Button>
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}

/**
 * Drawer to write a scenario: names, base year, production and intensity (quantities as text,
 * "120000 t/a", "0.85 tCO2e/t"), growth and intensity rates by period, measures in operation.
 * The API checks it; its list of problems is shown field by field.
 */
export function ScenarioEditor({
  open,
  title,
  initial,
  onSave,
  onClose,
}: {
  open: boolean;
  title: string;
  initial: ScenarioDocument | undefined;
  onSave: (document: ScenarioDocument) => Promise<void>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(undefined);
    try {
      await onSave(toDocument(values));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      title={title}
      size={640}
      onClose={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible && initial) form.setFieldsValue(toForm(initial));
        if (!visible) setError(undefined);
      }}
      extra={
        <Button type="primary" loading={saving} onClick={() => void save()} id="scenario-save">
          {t('pathways.editor.save')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        {error !== undefined && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              error instanceof ApiError
                ? error.messages[lang]
                : error instanceof Error
                  ? error.message
                  : t('common.errorTitle')
            }
            description={
              error instanceof ApiError && error.issues.length > 0 ? (
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {error.issues.map((i, k) => (
                    <li key={k}>
                      {i.field && <Typography.Text code>{i.field}</Typography.Text>} {i.reason}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        <Space wrap style={{ width: '100%' }} align="start">
          <Form.Item name="id" label={t('pathways.editor.code')} rules={[{ required: true }]}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="baseYear"
            label={t('pathways.editor.baseYear')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1990} max={2029} />
          </Form.Item>
        </Space>
        <Form.Item name="name" label={t('pathways.editor.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('pathways.editor.nameEn')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} align="start">
          <Form.Item
            name="production"
            label={t('pathways.editor.production')}
            extra={t('pathways.editor.productionHelp')}
            rules={[{ required: true }]}
          >
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item
            name="intensity"
            label={t('pathways.editor.intensity')}
            extra={t('pathways.editor.intensityHelp')}
            rules={[{ required: true }]}
          >
            <Input style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <RateList name="growth" label={t('pathways.editor.growth')} />
        <RateList name="intensityChange" label={t('pathways.editor.intensityChange')} />
        <Form.Item label={t('pathways.editor.measures')}>
          <Form.List name="measures">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'id']} rules={[{ required: true }]} noStyle>
                      <Input placeholder={t('pathways.editor.measure')} style={{ width: 150 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'from']} rules={[{ required: true }]} noStyle>
                      <InputNumber placeholder={t('pathways.editor.from')} min={1990} max={2060} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'until']} noStyle>
                      <InputNumber placeholder={t('pathways.editor.until')} min={1990} max={2060} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'abatement']} rules={[{ required: true }]} noStyle>
                      <Input placeholder="20000 tCO2e/a" style={{ width: 150 }} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add()}>
                  {t('pathways.editor.addMeasure')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="notes" label={t('pathways.editor.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
