import { describe, expect, it } from 'vitest';
import { isHttpUrl, isoDate } from '@/lib/factchecks/web-values';

describe('isoDate', () => {
  it('keeps the calendar day as written, whatever the time and offset', () => {
    expect(isoDate('2024-05-01')).toBe('2024-05-01');
    expect(isoDate('2024-05-01T23:30:00-05:00')).toBe('2024-05-01');
    expect(isoDate('2024-05-01T00:10:00.123456+0200')).toBe('2024-05-01');
    expect(isoDate('2024-05-01 10:00')).toBe('2024-05-01');
    expect(isoDate(' 2024-05-01T10:00:00Z ')).toBe('2024-05-01');
  });

  it('keeps a month or a year as they are', () => {
    expect(isoDate('2024-05')).toBe('2024-05');
    expect(isoDate('2024')).toBe('2024');
  });

  it('refuses impossible and implausible dates', () => {
    for (const bad of ['2023-02-29', '2024-02-30', '2024-13-01', '2024-00-10', '2024-04-31', '2024-05-01T25:00', '2024-05-01T10:61',
      '2024-05-01T10:00+15:00', '0019-03-23', '9999-01-01', '1799-12-31']) {
      expect(isoDate(bad), bad).toBeNull();
    }
    expect(isoDate('2024-02-29')).toBe('2024-02-29');
  });

  it('refuses other formats rather than guess', () => {
    for (const bad of ['yesterday', '05/01/2024', '1 May 2024', 'Wed, 01 May 2024 10:00:00 GMT', '20240501', '', '2024-5-1', `2024-05-01${' '.repeat(100)}`]) {
      expect(isoDate(bad), bad).toBeNull();
    }
  });
});

describe('isHttpUrl', () => {
  it('accepts absolute http(s) URLs only', () => {
    expect(isHttpUrl('https://example.com/a?b=c#d')).toBe(true);
    expect(isHttpUrl('http://example.com')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://example.com', '/relative', '//example.com/a', 'https://', 'not a url', '']) {
      expect(isHttpUrl(bad), bad).toBe(false);
    }
  });

  it('refuses URLs over 2,048 characters', () => {
    expect(isHttpUrl(`https://example.com/${'a'.repeat(2000)}`)).toBe(true);
    expect(isHttpUrl(`https://example.com/${'a'.repeat(2100)}`)).toBe(false);
  });
});
