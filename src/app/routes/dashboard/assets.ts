import type { Context } from 'hono';
import adaptiveCardsJs from 'adaptivecards/dist/adaptivecards.min.js';
import cardPreviewJs from './card-preview.browser.js';

/**
 * Browser scripts the dashboard serves itself (same origin, no CDN): Microsoft's Adaptive Cards
 * renderer and the few lines that draw the weekly card with it. They are imported as text through
 * wrangler.toml's `[[rules]]`, so there is no build step. Pages link them with `?v=<content hash>`,
 * which is what makes the year-long, immutable cache safe.
 */
const scripts: Record<string, string> = {
  // The source map is not shipped, so the browser should not go looking for it.
  'adaptivecards.min.js': adaptiveCardsJs.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'),
  'card-preview.js': cardPreviewJs,
};

export type AssetName = 'adaptivecards.min.js' | 'card-preview.js';

const versions = new Map<string, Promise<string>>();

function version(name: AssetName): Promise<string> {
  let v = versions.get(name);
  if (!v) {
    v = crypto.subtle.digest('SHA-256', new TextEncoder().encode(scripts[name])).then((d) =>
      [...new Uint8Array(d).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(''),
    );
    versions.set(name, v);
  }
  return v;
}

/** The URL a page uses for one of these scripts. */
export async function assetUrl(name: AssetName): Promise<string> {
  return `/dashboard/assets/${name}?v=${await version(name)}`;
}

/** GET /dashboard/assets/:file — public: it is library code and our own static script, no school data. */
export async function dashboardAsset(c: Context) {
  const name = c.req.param('file') ?? '';
  const body = Object.hasOwn(scripts, name) ? scripts[name] : undefined;
  if (body === undefined) return c.text('Not found', 404);
  // Only a link carrying the current hash may be cached for good; an old or missing hash gets a short life.
  const current = c.req.query('v') === (await version(name as AssetName));
  return c.body(body, 200, {
    'content-type': 'text/javascript; charset=utf-8',
    'cache-control': current ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    'x-content-type-options': 'nosniff',
  });
}
