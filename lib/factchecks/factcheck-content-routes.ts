import * as z from 'zod/mini';
import { defineRoute } from '../messaging/route';
import { MAX_PAGE_CLAIM_REVIEWS } from './jsonld';
import { MAX_URL } from './web-values';

// zod/mini: the content script answers this route, and it is injected into every page.

/**
 * Popup → content script: the page's schema.org ClaimReview nodes as they are (at most
 * MAX_PAGE_CLAIM_REVIEWS), and its canonical URL (null when it has none). The nodes are the page's
 * own, untrusted JSON: the popup reads them with `parseClaimReviews`, which validates every field.
 */
export const pageClaimReviewsRoute = defineRoute({
  name: 'pageClaimReviews',
  from: 'extension',
  request: z.object({}),
  response: z.object({
    url: z.nullable(z.string().check(z.maxLength(MAX_URL))),
    reviews: z.array(z.unknown()).check(z.maxLength(MAX_PAGE_CLAIM_REVIEWS)),
  }),
});
