/** A unit symbol or expression that the registry does not know. */
export class UnknownUnitError extends Error {
  constructor(
    readonly unit: string,
    detail?: string,
  ) {
    super(`未知单位 unknown unit "${unit}"${detail ? `: ${detail}` : ''}`);
    this.name = 'UnknownUnitError';
  }
}

/** Two units that measure different things, e.g. t and GJ. Names both units. */
export class DimensionError extends Error {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly fromDimension: string,
    readonly toDimension: string,
  ) {
    super(`量纲不符 cannot convert "${from}" (${fromDimension}) to "${to}" (${toDimension})`);
    this.name = 'DimensionError';
  }
}

/** A quantity string that is not "<number> <unit>". */
export class QuantityParseError extends Error {
  constructor(
    readonly text: string,
    detail: string,
  ) {
    super(`无法解析数量 cannot parse quantity "${text}": ${detail}`);
    this.name = 'QuantityParseError';
  }
}
