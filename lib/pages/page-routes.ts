import * as z from 'zod/mini';
import { defineRoute } from '../messaging/route';
import { PageReportSchema, TabStateSchema } from './page-schema';

/** Content script → background: "this tab shows this page". Answers with the tab's id. */
export const reportPage = defineRoute({
  name: 'reportPage',
  from: 'content',
  request: PageReportSchema,
  response: z.object({ tabId: z.int() }),
});

/** Popup → background: what is known about a tab (null when its page never reported). */
export const getTabState = defineRoute({
  name: 'getTabState',
  from: 'extension',
  request: z.object({ tabId: z.int() }),
  response: z.nullable(TabStateSchema),
});
