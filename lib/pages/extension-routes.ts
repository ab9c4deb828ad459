import { z } from 'zod';
import { MAX_CLAIM_ID } from '../claims/limits';
import { ResolvedClaimSchema } from '../claims/resolve';
import { defineRoute } from '../messaging/route';

/**
 * Routes between the background and the extension's own pages only (popup, options, panel): they
 * use full zod, which must stay out of the content script (see page-routes.ts for the page's).
 */

/**
 * Extension page → background: the claims of these ids with their sources and relations resolved,
 * from the bundled claims and the reader's own, as the background matches them. Unknown ids are
 * left out of the answer.
 */
export const getClaimsRoute = defineRoute({
  name: 'getClaims',
  from: 'extension',
  request: z.object({ ids: z.array(z.string().max(MAX_CLAIM_ID)).max(2000) }),
  response: z.array(ResolvedClaimSchema),
});
