import { describe, expect, it } from 'vitest';
import { InventoryTextError, parseInventoryText } from './inventory.js';

describe('parseInventoryText', () => {
  it('reads YAML and keeps quantities as text for the engine to parse', () => {
    const raw = parseInventoryText(
      'format: carbonbase.inventory/v1\nlines:\n  - { id: a, amount: 150000 t, ncv: 0.0261 tC/GJ, month: 3 }\n',
      'plant.yaml',
    ) as { lines: Record<string, unknown>[] };
    expect(raw.lines[0]).toEqual({ id: 'a', amount: '150000 t', ncv: '0.0261 tC/GJ', month: 3 });
  });

  it('reads JSON by extension or by its opening brace', () => {
    expect(parseInventoryText('{"a": "1 t"}', 'x.json')).toEqual({ a: '1 t' });
    expect(parseInventoryText('\uFEFF {"a": 1}', 'x.txt')).toEqual({ a: 1 });
  });

  it('names the file and the position of a syntax error', () => {
    expect(() => parseInventoryText('lines:\n  - id: a\n   bad: [', 'bad.yaml')).toThrow(
      InventoryTextError,
    );
    expect(() => parseInventoryText('lines:\n  - id: a\n   bad: [', 'bad.yaml')).toThrow(
      /^bad\.yaml:\d+/,
    );
    expect(() => parseInventoryText('{"a": }', 'bad.json')).toThrow(/bad\.json/);
  });
});
