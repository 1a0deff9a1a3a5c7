import { Reader } from '../data-reader.js';
import {
  DIRECTIONS,
  type Correction,
  type GradedIndicator,
  type GradedLimitSystem,
  type IndicatorGroup,
  type IndicatorSystem,
  type LevelIndicator,
  type LevelRule,
  type SourcedQuantity,
  type SystemHeader,
  type WeightedLevelSystem,
} from './schema.js';

const WEIGHT_TOLERANCE = 1e-6;

/** Parses and checks an indicator-system document; throws DataFileError with every issue. */
export function parseIndicatorSystem(json: unknown, file = 'indicator system'): IndicatorSystem {
  const r = new Reader();
  const o = r.object(json, '$');
  const kind = r.oneOf(o.kind, ['graded-limit', 'weighted-levels'] as const, '$.kind');
  if (o.formatVersion !== 1) r.bad('$.formatVersion', 'must be 1');
  const sources = r.sources(o.sources, '$.sources');
  const ids = new Set(sources.map((s) => s.id));
  const notice = r.optionalText(o.notice, '$.notice');
  const header: SystemHeader = {
    formatVersion: 1,
    id: r.text(o.id, '$.id'),
    name: r.text(o.name, '$.name'),
    nameEn: r.text(o.nameEn, '$.nameEn'),
    template: o.template === undefined ? false : r.boolean(o.template, '$.template'),
    ...(notice !== undefined && { notice }),
    sources,
  };
  const system = kind === 'graded-limit' ? graded(r, o, header, ids) : weighted(r, o, header, ids);
  return r.finish(file, system);
}

function sourcedQuantity(
  r: Reader,
  v: unknown,
  path: string,
  ids: ReadonlySet<string>,
  unit?: string,
): SourcedQuantity {
  const o = r.object(v, path);
  const value = r.quantity(o.value, `${path}.value`);
  if (unit !== undefined) r.sameDimension(value.unit, unit, `${path}.value`);
  return { value, ...r.provenance(o, path, ids) };
}

function perLevel(
  r: Reader,
  v: unknown,
  levels: readonly string[],
  path: string,
  ids: ReadonlySet<string>,
  unit?: string,
): Record<string, SourcedQuantity> {
  const o = r.object(v, path);
  const out: Record<string, SourcedQuantity> = {};
  for (const key of Object.keys(o)) {
    if (!levels.includes(key)) r.bad(`${path}.${key}`, `"${key}" is not a declared level`);
  }
  for (const level of levels) {
    if (o[level] === undefined) r.bad(path, `no value for level ${level}`);
    else out[level] = sourcedQuantity(r, o[level], `${path}.${level}`, ids, unit);
  }
  return out;
}

function graded(
  r: Reader,
  o: Record<string, unknown>,
  header: SystemHeader,
  ids: ReadonlySet<string>,
): GradedLimitSystem {
  const grades = r.array(o.grades, '$.grades').map((g, i) => r.text(g, `$.grades[${i}]`));
  if (grades.length === 0) r.bad('$.grades', 'at least one grade');
  const rule = r.object(o.gradeRule, '$.gradeRule');
  const indicators: GradedIndicator[] = r.array(o.indicators, '$.indicators').map((v, i) => {
    const p = `$.indicators[${i}]`;
    const io = r.object(v, p);
    const unit = r.text(io.unit, `${p}.unit`);
    return {
      id: r.text(io.id, `${p}.id`),
      name: r.text(io.name, `${p}.name`),
      nameEn: r.text(io.nameEn, `${p}.nameEn`),
      unit,
      direction: r.oneOf(
        io.direction,
        ['lower-better', 'higher-better'] as const,
        `${p}.direction`,
      ),
      thresholds: perLevel(r, io.thresholds, grades, `${p}.thresholds`, ids, unit),
    };
  });
  const known = new Set(indicators.map((i) => i.id));
  const corrections: Correction[] = r.array(o.corrections ?? [], '$.corrections').map((v, i) => {
    const p = `$.corrections[${i}]`;
    const co = r.object(v, p);
    const targets = r.array(co.indicators, `${p}.indicators`).map((t, j) => {
      const id = r.text(t, `${p}.indicators[${j}]`);
      if (!known.has(id)) r.bad(`${p}.indicators[${j}]`, `unknown indicator "${id}"`);
      return id;
    });
    const base = {
      id: r.text(co.id, `${p}.id`),
      input: r.text(co.input, `${p}.input`),
      indicators: targets,
      ...r.provenance(co, p, ids),
    };
    const kind = r.oneOf(co.kind, ['linear-offset', 'pressure-multiplier'] as const, `${p}.kind`);
    if (kind === 'linear-offset') {
      const reference = r.quantity(co.reference, `${p}.reference`);
      const step = r.quantity(co.step, `${p}.step`);
      r.sameDimension(step.unit, reference.unit, `${p}.step`);
      return {
        ...base,
        kind,
        reference,
        step,
        offsets: perLevel(r, co.offsets, grades, `${p}.offsets`, ids),
      };
    }
    const cond = r.object(co.condition, `${p}.condition`);
    const correctionGrades = r.array(co.grades, `${p}.grades`).map((g, j) => {
      const id = r.text(g, `${p}.grades[${j}]`);
      if (!grades.includes(id)) r.bad(`${p}.grades[${j}]`, `unknown grade "${id}"`);
      return id;
    });
    return {
      ...base,
      kind,
      a: r.number(co.a, `${p}.a`),
      b: r.number(co.b, `${p}.b`),
      referencePressure: r.quantity(co.referencePressure, `${p}.referencePressure`),
      condition: {
        input: r.text(cond.input, `${p}.condition.input`),
        above: r.quantity(cond.above, `${p}.condition.above`),
      },
      grades: correctionGrades,
    };
  });
  return {
    ...header,
    kind: 'graded-limit',
    grades,
    gradeRule: {
      text: r.text(rule.text, '$.gradeRule.text'),
      ...r.provenance(rule, '$.gradeRule', ids),
    },
    indicators,
    corrections,
  };
}

function weighted(
  r: Reader,
  o: Record<string, unknown>,
  header: SystemHeader,
  ids: ReadonlySet<string>,
): WeightedLevelSystem {
  const levels = r.array(o.levels, '$.levels').map((g, i) => r.text(g, `$.levels[${i}]`));
  if (levels.length === 0) r.bad('$.levels', 'at least one level');
  const groups: IndicatorGroup[] = r.array(o.groups, '$.groups').map((gv, gi) => {
    const gp = `$.groups[${gi}]`;
    const go = r.object(gv, gp);
    const indicators: LevelIndicator[] = r
      .array(go.indicators, `${gp}.indicators`)
      .map((iv, ii) => {
        const p = `${gp}.indicators[${ii}]`;
        const io = r.object(iv, p);
        const direction = r.oneOf(io.direction, DIRECTIONS, `${p}.direction`);
        const unit = r.optionalText(io.unit, `${p}.unit`);
        if (direction !== 'qualitative' && unit === undefined)
          r.bad(`${p}.unit`, 'a quantitative indicator needs a unit');
        return {
          id: r.text(io.id, `${p}.id`),
          name: r.text(io.name, `${p}.name`),
          nameEn: r.text(io.nameEn, `${p}.nameEn`),
          ...(unit !== undefined && { unit }),
          direction,
          weight: r.number(io.weight, `${p}.weight`),
          mandatory: r.boolean(io.mandatory, `${p}.mandatory`),
          thresholds:
            direction === 'qualitative'
              ? {}
              : perLevel(r, io.thresholds, levels, `${p}.thresholds`, ids, unit),
        };
      });
    const sum = indicators.reduce((s, i) => s + i.weight, 0);
    if (Math.abs(sum - 1) > WEIGHT_TOLERANCE)
      r.bad(`${gp}.indicators`, `second-level weights sum to ${sum}, not 1`);
    return {
      id: r.text(go.id, `${gp}.id`),
      name: r.text(go.name, `${gp}.name`),
      nameEn: r.text(go.nameEn, `${gp}.nameEn`),
      weight: r.number(go.weight, `${gp}.weight`),
      indicators,
    };
  });
  const sum = groups.reduce((s, g) => s + g.weight, 0);
  if (Math.abs(sum - 1) > WEIGHT_TOLERANCE)
    r.bad('$.groups', `first-level weights sum to ${sum}, not 1`);
  const seen = new Set<string>();
  for (const g of groups)
    for (const i of g.indicators) {
      if (seen.has(i.id)) r.bad('$.groups', `indicator id "${i.id}" is used twice`);
      seen.add(i.id);
    }
  const levelRules: LevelRule[] = r.array(o.levelRules, '$.levelRules').map((v, i) => {
    const p = `$.levelRules[${i}]`;
    const lo = r.object(v, p);
    const level = r.oneOf(lo.level, levels, `${p}.level`);
    const at =
      lo.mandatoryAtLevel === null
        ? null
        : r.oneOf(lo.mandatoryAtLevel, levels, `${p}.mandatoryAtLevel`);
    return {
      level,
      minScore: r.number(lo.minScore, `${p}.minScore`),
      mandatoryAtLevel: at,
      ...r.provenance(lo, p, ids),
    };
  });
  for (const level of levels)
    if (!levelRules.some((lr) => lr.level === level))
      r.bad('$.levelRules', `no rule for level ${level}`);
  return {
    ...header,
    kind: 'weighted-levels',
    levels,
    weights: r.provenance(r.object(o.weights, '$.weights'), '$.weights', ids),
    groups,
    levelRules,
  };
}
