import { Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useApi } from '../../api/ApiContext.js';
import { call } from '../../api/client.js';
import { useRequest } from '../../api/useRequest.js';
import { nameOf } from '../../enterprise/EnterpriseBar.js';
import { shortLanguage } from '../../i18n/index.js';

export type ScopeKind = 'enterprise' | 'park' | 'region';
export interface PlanningScope {
  readonly kind: ScopeKind;
  readonly id: string;
}

/**
 * What the MACC and optimizer pages plan for: an enterprise, a park or a region the caller sees,
 * kept in the address (`?scope=park&id=…`) so a view can be shared. The widest scope the user has
 * comes first: a regulator starts on the region, a park admin on the park.
 */
export function usePlanningScope() {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const options = useRequest('planning-scopes', async (signal) => {
    const [organisation, regions, enterprises] = await Promise.all([
      call(api.GET('/api/v1/organisation', { signal })),
      call(api.GET('/api/v1/regions', { signal })),
      call(api.GET('/api/v1/enterprises', { params: { query: { limit: 500 } }, signal })),
    ]);
    return {
      region: regions.items,
      park: organisation.parks,
      enterprise: enterprises.items,
    };
  });
  const kinds = (['region', 'park', 'enterprise'] as const).filter(
    (k) => (options.data?.[k].length ?? 0) > 0,
  );
  const asked = params.get('scope') as ScopeKind | null;
  const kind = asked && kinds.includes(asked) ? asked : kinds[0];
  const list = kind ? (options.data?.[kind] ?? []) : [];
  const item = list.find((o) => o.id === params.get('id')) ?? list[0];
  const scope: PlanningScope | undefined = kind && item ? { kind, id: item.id } : undefined;
  const choose = (next: { kind?: ScopeKind; id?: string }) =>
    setParams((current) => {
      const p = new URLSearchParams(current);
      if (next.kind) {
        p.set('scope', next.kind);
        p.delete('id');
      }
      if (next.id) p.set('id', next.id);
      return p;
    });
  return { options, kinds, kind, list, item, scope, choose };
}

/** The scope choice: kind, then the enterprise, park or region. */
export function ScopePicker({ state }: { state: ReturnType<typeof usePlanningScope> }) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const { kinds, kind, list, item, choose } = state;
  return (
    <Space wrap>
      {kinds.length > 1 && (
        <Segmented
          className="planning-scope-kind"
          value={kind}
          options={kinds.map((k) => ({ value: k, label: t(`macc.scope.${k}`) }))}
          onChange={(v) => choose({ kind: v })}
        />
      )}
      <Select
        className="planning-scope-item"
        style={{ width: 320 }}
        value={item?.id}
        loading={state.options.status === 'loading'}
        options={list.map((o) => ({ value: o.id, label: `${o.code} ${nameOf(o, lang)}` }))}
        onChange={(id: string) => choose({ id })}
        showSearch
        optionFilterProp="label"
      />
    </Space>
  );
}
