// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenDomComplete } from '@/lib/annotator/page-start';

afterEach(() => vi.restoreAllMocks());

describe('whenDomComplete', () => {
  it('starts at once on a document whose DOM is complete', () => {
    const start = vi.fn();
    whenDomComplete(start);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('waits while the document loads, and a DOMContentLoaded the page dispatches does not start it', () => {
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const start = vi.fn();
    whenDomComplete(start);
    expect(start).not.toHaveBeenCalled();
    document.dispatchEvent(new Event('DOMContentLoaded')); // untrusted: a page's own
    expect(start).not.toHaveBeenCalled();
  });
});
