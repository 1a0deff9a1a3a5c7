import { describe, expect, it } from 'vitest';
import { engines, unique, useStore } from './harness.js';

describe.each(engines)('Database.copyFrom on %s', (engine) => {
  const store = useStore(engine);

  it('loads rows with NULL, empty text, quotes, commas and newlines as given', async () => {
    const table = unique('copy_rows_');
    const db = store().db;
    await db.exec(`create table ${table} (n integer, t text)`);
    await db.copyFrom(
      table,
      ['n', 't'],
      [
        ['1', null],
        ['2', ''],
        ['3', '他说 "好", 然后\n换行'],
        [null, 'x'],
      ],
    );
    const rows = await db.query<{ n: number | null; t: string | null }>(
      `select n, t from ${table} order by n nulls last`,
    );
    expect(rows).toEqual([
      { n: 1, t: null },
      { n: 2, t: '' },
      { n: 3, t: '他说 "好", 然后\n换行' },
      { n: null, t: 'x' },
    ]);
    await db.exec(`drop table ${table}`);
  });

  it('takes CSV text, and a refused line fails the whole COPY naming the line', async () => {
    const table = unique('copy_text_');
    const db = store().db;
    await db.exec(`create table ${table} (n integer not null, t text)`);
    await db.copyFrom(table, ['n', 't'], '1,"a"\n2,"b"\n');
    await expect(db.copyFrom(table, ['n', 't'], '3,"c"\nfour,"d"\n')).rejects.toMatchObject({
      message: expect.stringContaining('"four"') as unknown,
      where: expect.stringMatching(/line 2/) as unknown,
    });
    const [count] = await db.query<{ n: number }>(`select count(*)::integer as n from ${table}`);
    expect(count!.n).toBe(2);
    await db.exec(`drop table ${table}`);
  });

  it('takes CSV text in pieces of whole lines, produced while the COPY runs', async () => {
    const table = unique('copy_pieces_');
    const db = store().db;
    await db.exec(`create table ${table} (n integer not null, t text)`);
    function* pieces() {
      for (let p = 0; p < 3; p++) yield `${2 * p},"a"\n${2 * p + 1},"他, ""b"""\n`;
    }
    await db.copyFrom(table, ['n', 't'], pieces());
    const rows = await db.query<{ n: number; t: string }>(`select n, t from ${table} order by n`);
    expect(rows.map((r) => r.n)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rows[5]!.t).toBe('他, "b"');
    await db.exec(`drop table ${table}`);
  });

  it('refuses a table or column name that is not a plain identifier', async () => {
    await expect(store().db.copyFrom('t; drop table x', ['n'], [])).rejects.toThrow(
      /plain lower-case identifier/,
    );
  });
});
