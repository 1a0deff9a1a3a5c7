/**
 * The subset of OData v4 `$filter` that PACT v2 ListFootprints names: comparisons of a property
 * path with a quoted literal (`eq`, `ne`, `lt`, `le`, `gt`, `ge`), the `any` lambda over a list
 * (`productIds/any(p:(p eq 'urn:…'))`), `and`, and parentheses. Anything else is a syntax error,
 * answered with 400 rather than ignored, so a client never receives an unfiltered list silently.
 */
export type ODataFilter =
  | { readonly kind: 'and'; readonly left: ODataFilter; readonly right: ODataFilter }
  | {
      readonly kind: 'compare';
      readonly path: readonly string[];
      readonly op: CompareOp;
      readonly value: string;
    }
  | {
      readonly kind: 'any';
      readonly path: readonly string[];
      readonly op: CompareOp;
      readonly value: string;
    };

type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
const OPS = new Set<string>(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

export class ODataSyntaxError extends Error {
  override readonly name = 'ODataSyntaxError';
}

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'punct'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      // OData escapes a quote inside a literal by doubling it.
      let text = '';
      i++;
      for (;;) {
        if (i >= source.length) throw new ODataSyntaxError('unterminated string literal');
        if (source[i] === "'" && source[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (source[i] === "'") {
          i++;
          break;
        } else {
          text += source[i];
          i++;
        }
      }
      tokens.push({ kind: 'string', text: repairOffset(text) });
    } else if ('():'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch });
      i++;
    } else {
      const m = /^[A-Za-z_][\w/.-]*/.exec(source.slice(i));
      if (!m) throw new ODataSyntaxError(`unexpected "${ch}" at ${i}`);
      tokens.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

/**
 * A "+00:00" offset in an unencoded query string arrives as " 00:00" (form decoding turns + into
 * a space); put the plus back so the date still parses.
 */
function repairOffset(text: string): string {
  return /^\d{4}-\d{2}-\d{2}T[\d:.]+ \d{2}:\d{2}$/.test(text) ? text.replace(' ', '+') : text;
}

export function parseODataFilter(source: string): ODataFilter {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = (): Token => {
    const t = tokens[pos++];
    if (!t) throw new ODataSyntaxError('unexpected end of filter');
    return t;
  };
  const expect = (kind: Token['kind'], text?: string): Token => {
    const t = next();
    if (t.kind !== kind || (text !== undefined && t.text !== text)) {
      throw new ODataSyntaxError(`expected ${text ?? kind}, found "${t.text}"`);
    }
    return t;
  };
  const op = (): CompareOp => {
    const t = expect('word');
    if (!OPS.has(t.text)) throw new ODataSyntaxError(`unsupported operator "${t.text}"`);
    return t.text as CompareOp;
  };

  const expression = (): ODataFilter => {
    let left = term();
    while (peek()?.kind === 'word' && peek()?.text === 'and') {
      pos++;
      left = { kind: 'and', left, right: term() };
    }
    return left;
  };
  const term = (): ODataFilter => {
    const t = peek();
    if (t?.kind === 'punct' && t.text === '(') {
      pos++;
      const inner = expression();
      expect('punct', ')');
      return inner;
    }
    const path = expect('word').text;
    if (path.endsWith('/any')) return lambda(path.slice(0, -'/any'.length));
    const o = op();
    return { kind: 'compare', path: path.split('/'), op: o, value: expect('string').text };
  };
  const lambda = (path: string): ODataFilter => {
    expect('punct', '(');
    const variable = expect('word').text;
    expect('punct', ':');
    let parens = 0;
    while (peek()?.kind === 'punct' && peek()?.text === '(') {
      pos++;
      parens++;
    }
    expect('word', variable);
    const o = op();
    const value = expect('string').text;
    for (; parens > 0; parens--) expect('punct', ')');
    expect('punct', ')');
    return { kind: 'any', path: path.split('/'), op: o, value };
  };

  const filter = expression();
  if (pos !== tokens.length) throw new ODataSyntaxError(`unexpected "${tokens[pos]?.text ?? ''}"`);
  return filter;
}

/** Evaluates a filter against a PACT v2 document (plain JSON). */
export function evaluateODataFilter(filter: ODataFilter, doc: object): boolean {
  switch (filter.kind) {
    case 'and':
      return evaluateODataFilter(filter.left, doc) && evaluateODataFilter(filter.right, doc);
    case 'compare': {
      const value = at(doc, filter.path);
      return (
        (typeof value === 'string' || typeof value === 'number') &&
        compare(String(value), filter.op, filter.value)
      );
    }
    case 'any': {
      const list = at(doc, filter.path);
      return (
        Array.isArray(list) &&
        list.some((item) => typeof item === 'string' && compare(item, filter.op, filter.value))
      );
    }
  }
}

function at(doc: object, path: readonly string[]): unknown {
  let node: unknown = doc;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/** Date-times compare as instants (offsets differ in spelling), everything else as text. */
function compare(actual: string, op: CompareOp, expected: string): boolean {
  let order: number;
  if (DATE_TIME.test(actual) && DATE_TIME.test(expected)) {
    const a = Date.parse(actual);
    const b = Date.parse(expected);
    if (Number.isNaN(a) || Number.isNaN(b)) return false;
    order = Math.sign(a - b);
  } else {
    order = actual === expected ? 0 : actual < expected ? -1 : 1;
  }
  switch (op) {
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
    case 'lt':
      return order < 0;
    case 'le':
      return order <= 0;
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
  }
}
