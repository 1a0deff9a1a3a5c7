/**
 * RFC 8288 `Link` header for a page of ListFootprints. PACT requires an absolute target URI on the
 * host the client called, with rel="next" while more footprints remain; first/prev/last are added
 * for convenience. The original query (filters included) is kept and only limit/offset change.
 */
export function paginationLinks(options: {
  readonly origin: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly offset: number;
  readonly limit: number;
  readonly total: number;
}): string | undefined {
  const { origin, path, query, offset, limit, total } = options;
  if (limit <= 0 || total <= limit) return undefined;
  const link = (at: number, rel: string) => {
    const q = new URLSearchParams(query);
    q.delete('offset');
    q.delete('limit');
    q.set('limit', String(limit));
    q.set('offset', String(at));
    return `<${origin}${path}?${q.toString()}>; rel="${rel}"`;
  };
  const lastOffset = Math.floor((total - 1) / limit) * limit;
  const links: string[] = [];
  if (offset + limit < total) links.push(link(offset + limit, 'next'));
  if (offset > 0) links.push(link(Math.max(0, offset - limit), 'prev'));
  links.push(link(0, 'first'), link(lastOffset, 'last'));
  return links.join(', ');
}
