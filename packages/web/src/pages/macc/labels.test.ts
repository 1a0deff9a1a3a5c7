import { describe, expect, it } from 'vitest';
import { twoLines } from './labels.js';

describe('twoLines', () => {
  it('leaves a label that fits on one line alone', () => {
    // 4 CJK characters × 12 px = 48 px
    expect(twoLines('绿色电力', 48)).toBe('绿色电力');
  });

  it('breaks Chinese after the characters that surely fit', () => {
    // 100 px hold 8 characters of 12 px (96 px)
    expect(twoLines('降低熟料系数（矿渣/粉煤灰/石灰石等替代5个百分点）', 100)).toBe(
      '降低熟料系数（矿\n渣/粉煤灰/石灰石等替代5个百分点）',
    );
  });

  it('breaks English at the last space that fits', () => {
    // 90 px hold 12 characters of 7 px (84 px): "Efficient mo" → break after "Efficient"
    expect(twoLines('Efficient motors and fans', 90)).toBe('Efficient\nmotors and fans');
  });

  it('keeps a first word too long for the line whole, for the chart to cut with an ellipsis', () => {
    // 42 px hold 6 characters: "clinke" — break after "clinker", not inside it
    expect(twoLines('clinker substitution (−5 percentage points)', 42)).toBe(
      'clinker\nsubstitution (−5 percentage points)',
    );
  });

  it('cuts a label without spaces where the width ends', () => {
    expect(twoLines('DEMO-CEM-A-line-1', 42)).toBe('DEMO-C\nEM-A-line-1');
  });
});
