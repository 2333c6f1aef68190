import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/app.ts';
import { createSchool } from '../../src/storage/schools.ts';
import { NOW } from './seed.ts';

const app = createApp();
const admin = { authorization: 'Bearer test-admin-token' };
const call = (path: string, headers: Record<string, string> = {}) => app.request(`http://localhost${path}`, { headers }, env);
const HOSTILE = 'Evil </script><script>alert(1)</script> & <!-- School';

async function previewPage(id: string) {
  await createSchool(env.DB, { id, name: HOSTILE }, NOW);
  const res = await call(`/dashboard/schools/${id}/card`, admin);
  expect(res.status).toBe(200);
  return res.text();
}

describe('weekly card preview drawn by the Adaptive Cards renderer', () => {
  it('embeds the card JSON so school data cannot close the script element', async () => {
    const html = await previewPage('card-hostile');
    // Three script elements (the card data, the renderer, the boot script) and no others.
    expect(html.match(/<script/gi)).toHaveLength(3);
    expect(html.match(/<\/script>/gi)).toHaveLength(3);
    const embedded = /<script type="application\/json" id="ac-card-data">([^<]*)<\/script>/.exec(html)?.[1];
    expect(embedded).toBeDefined();
    const payload = JSON.parse(embedded ?? '') as { card: { fallbackText: string }; hostConfig: { fontFamily: string } };
    const cardJson = await (await call('/dashboard/schools/card-hostile/card.json', admin)).json<unknown>();
    expect(payload.card).toEqual(cardJson);
    expect(payload.card.fallbackText).toContain(HOSTILE);
    expect(payload.hostConfig.fontFamily).toContain('Segoe UI');
    // The text version is still on the page, escaped, for readers without the renderer.
    expect(html).toContain('aria-label="Weekly card preview (text version)"');
    expect(html).toContain('Evil &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!-- School');
  });

  it('serves the renderer and the boot script it references from this origin, cacheable for good', async () => {
    const html = await previewPage('card-assets');
    const sources = [...html.matchAll(/<script src="([^"]+)" defer=""><\/script>/g)].map((m) => m[1] ?? '');
    expect(sources).toHaveLength(2);
    expect(sources[0]).toMatch(/^\/dashboard\/assets\/adaptivecards\.min\.js\?v=[0-9a-f]{16}$/);
    expect(sources[1]).toMatch(/^\/dashboard\/assets\/card-preview\.js\?v=[0-9a-f]{16}$/);

    // No credentials: static library code, no school data.
    const renderer = await call(sources[0] ?? '');
    expect(renderer.status).toBe(200);
    expect(renderer.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(renderer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(renderer.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await renderer.text();
    expect(js.length).toBeGreaterThan(100_000);
    expect(js).toContain('AdaptiveCards');
    expect(js).not.toContain('sourceMappingURL');

    const boot = await call(sources[1] ?? '');
    expect(boot.status).toBe(200);
    expect(await boot.text()).toContain("getElementById('ac-card-data')");
  });

  it('gives an unversioned or stale link a short cache life and refuses unknown files', async () => {
    for (const path of ['/dashboard/assets/adaptivecards.min.js', '/dashboard/assets/adaptivecards.min.js?v=0000000000000000']) {
      const res = await call(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('public, max-age=300');
    }
    for (const path of ['/dashboard/assets/adaptivecards.js', '/dashboard/assets/constructor', '/dashboard/assets/..%2Fcard']) {
      expect((await call(path)).status, path).toBe(404);
    }
  });
});
