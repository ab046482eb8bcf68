import { FrenchPaginatorIntl } from './french-paginator-intl';

describe('FrenchPaginatorIntl', () => {
  it('words the range in French', () => {
    const intl = new FrenchPaginatorIntl();
    expect(intl.getRangeLabel(0, 50, 0)).toBe('0 sur 0');
    expect(intl.getRangeLabel(1, 50, 73)).toBe('51 – 73 sur 73');
    expect(intl.getRangeLabel(0, 50, 1200)).toBe('1 – 50 sur 1\u202f200');
    expect(intl.nextPageLabel).toBe('Page suivante');
  });
});
