import { describe, expect, it } from 'vitest';
import { ok } from '../../src/domain/result.ts';
import { createTokenCache, createTokenStore } from './oauth-tokens.ts';

describe('token cache over a shared store', () => {
  it('serves every cache on the store, honours the early-refresh margin, and stays bounded', async () => {
    let now = 0;
    let issued = 0;
    const store = createTokenStore(2);
    const issue = (lifetimeS: number) => () => Promise.resolve(ok({ accessToken: `t${++issued}`, expiresInS: lifetimeS }));
    const one = createTokenCache(() => now, store);
    const two = createTokenCache(() => now, store);

    expect(await one.get('a', issue(3600))).toEqual(ok('t1'));
    expect(await two.get('a', issue(3600))).toEqual(ok('t1'));
    // Expires 10 minutes on, so it is due for refresh after 5.
    expect(await one.get('b', issue(600))).toEqual(ok('t2'));
    now = 5 * 60_000;
    expect(await two.get('b', issue(600))).toEqual(ok('t3'));

    // Full: an expired entry goes first, else the oldest issued.
    now = 20 * 60_000;
    expect(await one.get('c', issue(3600))).toEqual(ok('t4'));
    expect([...store.tokens.keys()]).toEqual(['a', 'c']);
    expect(await one.get('d', issue(3600))).toEqual(ok('t5'));
    expect([...store.tokens.keys()]).toEqual(['c', 'd']);
    expect(await two.get('a', issue(3600))).toEqual(ok('t6'));
  });

  it('lets one instance forget a refused token for all, but not a newer one', async () => {
    const store = createTokenStore();
    let issued = 0;
    const issue = () => Promise.resolve(ok({ accessToken: `t${++issued}`, expiresInS: 3600 }));
    const one = createTokenCache(Date.now, store);
    const two = createTokenCache(Date.now, store);
    await one.get('k', issue);
    two.invalidate('k', 't1');
    expect(await one.get('k', issue)).toEqual(ok('t2'));
    one.invalidate('k', 't1');
    expect(await two.get('k', issue)).toEqual(ok('t2'));
  });
});
