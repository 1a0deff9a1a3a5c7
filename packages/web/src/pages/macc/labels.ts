/**
 * Splits a label into two lines for a box `width` pixels wide: the first line as long as
 * surely fits (widths over-estimated: 12 px a CJK character, 7 px any other, at 11 px type),
 * broken at a space when there is one; the second line is the rest, which the chart cuts with
 * an ellipsis if it is still too long (zrender measures then, and we cannot here).
 */
export function twoLines(text: string, width: number): string {
  let used = 0;
  let end = 0;
  while (end < text.length) {
    const w = text.codePointAt(end)! >= 0x2e80 ? 12 : 7;
    if (used + w > width) break;
    used += w;
    end++;
  }
  if (end >= text.length) return text;
  // at the last space that fits, else after the first word (the chart cuts it short), else
  // (Chinese, a code) wherever the width ends
  const before = text.lastIndexOf(' ', end);
  const after = text.indexOf(' ', end);
  const cut = before > 0 ? before : after > 0 ? after : end;
  return `${text.slice(0, cut)}\n${text.slice(cut).trimStart()}`;
}
