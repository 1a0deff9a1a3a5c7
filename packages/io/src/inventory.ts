import { parse as parseYaml, YAMLParseError } from 'yaml';

/** An inventory file that is not valid JSON or YAML; names the file and the position. */
export class InventoryTextError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(
      `${file}${line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ''}` : ''}: 无法读取清单 cannot read inventory: ${detail}`,
    );
    this.name = 'InventoryTextError';
  }
}

/**
 * Reads the text of an inventory document (`carbonbase.inventory/v1`) as JSON (`.json`, or text
 * starting with `{`) or YAML (anything else) and returns the plain object. Checking it against the
 * format is the engine's job (`parseInventory` in @carbonbase/engine).
 */
export function parseInventoryText(text: string, fileName: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, '');
  const asJson = /\.json$/i.test(fileName) || trimmed.trimStart().startsWith('{');
  if (asJson) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch (e) {
      throw new InventoryTextError(fileName, (e as Error).message);
    }
  }
  try {
    // YAML 1.2 core schema: "0.5306 tCO2/MWh" stays a string, dates are not converted.
    return parseYaml(trimmed, { schema: 'core', prettyErrors: true }) as unknown;
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const pos = e.linePos?.[0];
      throw new InventoryTextError(
        fileName,
        e.message.split('\n')[0] ?? e.message,
        pos?.line,
        pos?.col,
      );
    }
    throw e;
  }
}
