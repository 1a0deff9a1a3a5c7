import { describe, expect, it } from 'vitest';
import { bilingualPart } from './bilingual.js';

describe('bilingualPart', () => {
  it('splits "中文 English" texts and leaves others whole', () => {
    const industry = '水泥熟料生产 cement clinker production (C3011)';
    expect(bilingualPart(industry, 'zh')).toBe('水泥熟料生产');
    expect(bilingualPart(industry, 'en')).toBe('cement clinker production (C3011)');
    const user = '红棉水泥 企业管理员 Hongmian Cement manager';
    expect(bilingualPart(user, 'zh')).toBe('红棉水泥 企业管理员');
    expect(bilingualPart(user, 'en')).toBe('Hongmian Cement manager');
    expect(bilingualPart('admin', 'zh')).toBe('admin');
    expect(bilingualPart('水泥', 'en')).toBe('水泥');
  });
});
