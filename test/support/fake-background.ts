/**
 * The background's side of claims on pages, for unit tests of the content script: the real
 * BlockService (the real matcher, keys and origin partition), behind functions shaped like the
 * content script's messages. Every request is validated with its route's schema, as the background's
 * router would, and recorded.
 */
import * as z from 'zod/mini';
import { BlockMatcher } from '@/lib/pages/block-matcher';
import { BlockService } from '@/lib/pages/block-service';
import { lookupBlocksRoute, matchBlocksRoute, reportPageRoute } from '@/lib/pages/page-routes';
import type { ClaimMatch } from '@/lib/matcher/schema';
import { keyOf, type UnitAnswer } from '@/lib/pages/wire';
import type { PaintMode } from '@/lib/settings/paint-settings';
import { bundledIndex } from './bundled-index';

export type MatchRequest = { units: { text: string; context?: string }[]; first: boolean };

export function fakeBackground(origin = 'https://news.example') {
  let newlyMatched = 0;
  const makeService = () => {
    const matcher = new BlockMatcher(async () => bundledIndex());
    const match = matcher.match.bind(matcher);
    // Counts the units the matcher had to match (not answered from what it remembers).
    matcher.match = (partition, text, context) => {
      if (!matcher.known(partition, keyOf(text, context))) newlyMatched++;
      return match(partition, text, context);
    };
    return new BlockService(matcher);
  };
  let service = makeService();
  const lookups: string[][] = [];
  const firsts: boolean[] = [];
  const matches: MatchRequest[] = [];
  const reports: { words: number; units: { key: string; start: number }[] }[] = [];
  let shown: { words: number; claims: ClaimMatch[] } | null = null;
  const state = { enabled: true, paint: 'all' as PaintMode, hold: null as Promise<void> | null };
  const deps = {
    async lookup({ keys, units }: { keys: string[]; units: { text: string; context?: string }[] }, first: boolean) {
      z.parse(lookupBlocksRoute.request, first ? { keys, units, page: { url: `${origin}/story`, canonicalHref: null } } : { keys, units });
      lookups.push(keys);
      firsts.push(first);
      const { paint } = state;
      if (!state.enabled) return { enabled: false, paint, notes: false, known: [], matched: [] };
      if (units.length > 0) matches.push({ units, first: true });
      return { enabled: true, paint, notes: false, known: service.lookup(origin, keys), matched: await service.match(origin, 1, units, true) };
    },
    async match(units: { text: string; context?: string }[], first: boolean): Promise<UnitAnswer[]> {
      z.parse(matchBlocksRoute.request, { units, first });
      matches.push({ units, first });
      if (!first && state.hold) await state.hold;
      return service.match(origin, 1, units, first);
    },
    async report(page: { words: number; units: { key: string; start: number }[] }) {
      z.parse(reportPageRoute.request, { url: 'https://news.example/story', title: 'Story', ...page });
      reports.push(page);
      const { claims, missing } = service.claimsOf(origin, page.units);
      if (missing.length === 0) shown = { words: page.words, claims };
      return { missing };
    },
  };
  return {
    deps,
    /** The background's worker was stopped: everything it remembered is gone. */
    restart: () => void (service = makeService()),
    /** How many units the background matched, rather than answered from memory. */
    newlyMatched: () => newlyMatched,
    state,
    lookups,
    /** For each lookup, whether it was the page's first question. */
    firsts,
    matches,
    reports,
    /** What the popup would show: the claims the background put together for the tab. */
    shown: () => shown,
  };
}
