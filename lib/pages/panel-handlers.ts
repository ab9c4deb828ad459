import type { Router } from '../messaging/router';
import { callTab } from '../messaging/runtime';
import { closePanelRoute, closeTabPanelRoute, issuePanelTicketRoute, redeemPanelTicketRoute } from './page-routes';
import type { PanelTickets } from './panel-tickets';

/**
 * The in-page panel's routes: single-use tickets (the content script takes one before it opens the
 * panel, the panel hands it back from the same tab), and the panel's close relayed to its tab.
 */
export function handlePanels(router: Router, tickets: PanelTickets): void {
  router.on(issuePanelTicketRoute, (_, sender) => ({ ticket: tickets.issue(sender.tab!.id!) }));
  router.on(redeemPanelTicketRoute, ({ ticket }, sender) => sender.tab?.id !== undefined && tickets.redeem(sender.tab.id, ticket));
  router.on(closeTabPanelRoute, (_, sender) => sender.tab?.id !== undefined && callTab(sender.tab.id, closePanelRoute, {}));
}
