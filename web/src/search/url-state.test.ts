import { describe, expect, it } from 'vitest';
import { apiParams, changed, chosen, isLanding, toggled } from './url-state.ts';

const state = (query: string) => new URLSearchParams(query);

describe('the search state in the URL', () => {
  it('adds and takes away a facet’s values, several at once', () => {
    expect(toggled('mode', 'blended', state('mode=online'))).toBe('online,blended');
    expect(toggled('mode', 'online', state('mode=online,blended'))).toBe('blended');
    expect(toggled('mode', 'online', state('mode=online'))).toBeNull();
    expect(chosen('mode', state('mode=online,,blended'))).toEqual(['online', 'blended']);
  });

  it('starts again from page 1 on any change but paging', () => {
    expect(changed({ mode: 'online' }, state('q=data&page=3')).toString()).toBe('q=data&mode=online');
    expect(changed({ page: '4' }, state('q=data&page=3')).toString()).toBe('q=data&page=4');
    expect(changed({ q: null }, state('q=data&sort=newest')).toString()).toBe('sort=newest');
  });

  it('sends the API only its own parameters, and a currency only with a cost', () => {
    expect(apiParams(state('q=data&currency=GBP&utm_source=x&maxWeeks=')).toString()).toBe('q=data');
    expect(apiParams(state('maxCost=100&currency=GBP')).toString()).toBe('maxCost=100&currency=GBP');
  });

  it('is the browse view when nothing is searched or filtered', () => {
    expect(isLanding(state(''))).toBe(true);
    expect(isLanding(state('currency=GBP'))).toBe(true);
    expect(isLanding(state('free=true'))).toBe(false);
  });
});
