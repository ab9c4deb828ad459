import { describe, expect, it } from 'vitest';
import { canonicalUrl, isTrackingParam } from '@/lib/dom/canonical-url';

describe('canonicalUrl', () => {
  it('drops tracking parameters and the fragment, keeps and sorts the rest', () => {
    expect(
      canonicalUrl('https://news.example.com/story?utm_source=tw&b=2&fbclid=X&a=1&UTM_Medium=s&gclid=1#comments'),
    ).toBe('https://news.example.com/story?a=1&b=2');
    expect(canonicalUrl('https://e.com/p?dclid=1&msclkid=2&mc_eid=3&igshid=4&_ga=5')).toBe('https://e.com/p');
  });

  it('keeps repeated parameters in their order', () => {
    expect(canonicalUrl('https://e.com/p?tag=b&id=7&tag=a')).toBe('https://e.com/p?id=7&tag=b&tag=a');
  });

  it('normalises host case and default ports but keeps other ports', () => {
    expect(canonicalUrl('HTTPS://News.Example.COM:443/Story')).toBe('https://news.example.com/Story');
    expect(canonicalUrl('http://example.com:80/a')).toBe('http://example.com/a');
    expect(canonicalUrl('http://example.com:8080/a')).toBe('http://example.com:8080/a');
  });

  it('uses a canonical link on the page’s own origin, relative or absolute', () => {
    expect(canonicalUrl('https://www.example.com/s/1?utm_source=x', 'https://www.example.com/story/1?ref=2#x')).toBe(
      'https://www.example.com/story/1?ref=2',
    );
    expect(canonicalUrl('https://example.com/amp/1', '/story/1')).toBe('https://example.com/story/1');
    expect(canonicalUrl('https://EXAMPLE.com:443/amp/1', 'https://example.com/story/1')).toBe('https://example.com/story/1');
  });

  it('ignores a canonical link on another subdomain, scheme or port: another site may own it', () => {
    const cases = [
      ['https://evil.blogs.example/post', 'https://victim.blogs.example/diary'],
      ['https://attacker.substack.com/p/x', 'https://reporter.substack.com/p/story'],
      ['https://attacker.github.io/', 'https://victim.github.io/notes'],
      ['https://a.blogspot.com/x', 'https://b.blogspot.com/y'],
      ['https://a.wordpress.com/x', 'https://b.wordpress.com/y'],
      ['https://m.example.com/s/1', 'https://www.example.com/story/1'],
      ['http://example.com/a', 'https://example.com/a'],
      ['https://example.com:8443/a', 'https://example.com/b'],
    ];
    for (const [page, link] of cases) expect(canonicalUrl(page!, link), `${page} → ${link}`).toBe(new URL(page!).href);
  });

  it('ignores a canonical link to another site or a non-http scheme', () => {
    expect(canonicalUrl('https://example.com/a', 'https://evil.com/a')).toBe('https://example.com/a');
    expect(canonicalUrl('https://a.co.uk/a', 'https://b.co.uk/a')).toBe('https://a.co.uk/a');
    expect(canonicalUrl('https://example.com/a', 'javascript:alert(1)')).toBe('https://example.com/a');
    expect(canonicalUrl('https://example.com/a', '//evil.com/a')).toBe('https://example.com/a');
  });

  it('rejects a page that is not http(s), naming it', () => {
    expect(() => canonicalUrl('file:///etc/passwd')).toThrow(/file:\/\/\/etc\/passwd/);
    expect(() => canonicalUrl('nonsense')).toThrow(TypeError);
  });
});

describe('helpers', () => {
  it('recognises tracking parameters', () => {
    expect(isTrackingParam('utm_campaign')).toBe(true);
    expect(isTrackingParam('FBCLID')).toBe(true);
    expect(isTrackingParam('id')).toBe(false);
    expect(isTrackingParam('page')).toBe(false);
  });
});
