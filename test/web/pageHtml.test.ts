import { pageHtml } from '../../src/web/pageHtml';
import { parseViewState, viewStateQuery } from '../../web/explorer/viewState';

describe('pageHtml', () => {
  it('embeds the config as JSON that cannot end the script element', () => {
    const out = pageHtml({ title: 'A <b>', script: '/assets/x.js', style: '/assets/x.css', config: { version: '</script><script>alert(1)</script>' } });
    expect(out).toContain('<title>A &#60;b&#62;</title>');
    expect(out).not.toContain('</script><script>alert(1)');
    const json = /<script id="page-config" type="application\/json">(.*?)<\/script>/.exec(out)?.[1];
    expect(JSON.parse(json as string)).toEqual({ version: '</script><script>alert(1)</script>' });
  });

  it('has no inline script and loads only from its own origin', () => {
    const out = pageHtml({ title: 't', script: '/assets/p.js', style: '/assets/p.css', config: {} });
    const scripts = out.match(/<script[^>]*>/g) ?? [];
    expect(scripts.every((s) => s.includes('application/json') || s.includes('src="/assets/'))).toBe(true);
    expect(out).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});

describe('explorer view state (the deep link)', () => {
  it('reads node, mode and depth, clamping depth per mode', () => {
    expect(parseViewState('?node=bundid&mode=impact&depth=4')).toEqual({ node: 'bundid', mode: 'impact', depth: 4 });
    expect(parseViewState('?node=bundid&mode=impact&depth=99')).toEqual({ node: 'bundid', mode: 'impact', depth: 10 });
    expect(parseViewState('?node=x&depth=7')).toEqual({ node: 'x', mode: 'neighbourhood', depth: 3 });
    expect(parseViewState('?mode=nonsense&depth=-2')).toEqual({ node: null, mode: 'neighbourhood', depth: 1 });
    expect(parseViewState('')).toEqual({ node: null, mode: 'neighbourhood', depth: 1 });
    expect(parseViewState('?mode=impact')).toEqual({ node: null, mode: 'impact', depth: 6 });
  });

  it('round-trips through the URL, also for ids with reserved characters', () => {
    for (const s of [
      { node: 'leika:99107023017000', mode: 'impact' as const, depth: 6 },
      { node: 'a&b=c?d#e f', mode: 'neighbourhood' as const, depth: 2 },
      { node: null, mode: 'neighbourhood' as const, depth: 1 },
    ]) {
      expect(parseViewState(viewStateQuery(s))).toEqual(s);
    }
  });
});
