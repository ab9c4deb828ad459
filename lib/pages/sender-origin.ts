import type { Sender } from '../messaging/route';

/** The sender's origin: what a page may ask about is what its own origin showed (see BlockMatcher). */
export function originOf(sender: Sender): string {
  try {
    return new URL(sender.url ?? '').origin;
  } catch {
    return 'null';
  }
}

/** True when `url` is an http(s) URL of `origin`: a page may name its own URL, never another site's. */
export function sameOrigin(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) && parsed.origin === origin;
  } catch {
    return false;
  }
}

/** The host name of a URL, lower-cased; empty when it is not a URL. */
export function hostnameOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').hostname.toLowerCase();
  } catch {
    return '';
  }
}
