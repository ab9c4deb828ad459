import { describe, expect, it } from 'vitest';
import { PanelTickets } from '@/lib/pages/panel-tickets';

describe('PanelTickets', () => {
  it('takes back a ticket once, from the tab it was issued to', () => {
    const tickets = new PanelTickets();
    const ticket = tickets.issue(3);
    expect(tickets.redeem(4, ticket)).toBe(false);
    expect(tickets.redeem(3, ticket)).toBe(true);
    expect(tickets.redeem(3, ticket)).toBe(false);
  });

  it('refuses made-up and expired tickets', () => {
    let now = 0;
    const tickets = new PanelTickets(() => now, 1000);
    expect(tickets.redeem(3, 'made-up')).toBe(false);
    const ticket = tickets.issue(3);
    now = 1001;
    expect(tickets.redeem(3, ticket)).toBe(false);
  });

  it('forgets a closed tab', () => {
    const tickets = new PanelTickets();
    const ticket = tickets.issue(5);
    tickets.forget(5);
    expect(tickets.redeem(5, ticket)).toBe(false);
  });
});
