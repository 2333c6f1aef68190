import { seededRandom } from '../core/random.ts';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Deterministic, collision-free ids. Every id embeds `scramble(n)` of a unique counter — a bijection
 * on 32-bit numbers — so ids never collide however many are made, yet do not look sequential.
 */
export class IdMaker {
  private readonly salt: number;
  private readonly random: () => number;

  constructor(seed: number) {
    const r = seededRandom(seed ^ 0x5eed1d5);
    this.salt = Math.floor(r() * 0x1_0000_0000) >>> 0;
    this.random = r;
  }

  scramble(n: number): number {
    return (Math.imul(n ^ this.salt, 0x9e3779b1) + this.salt) >>> 0;
  }

  hex(n: number, width = 8): string {
    return this.scramble(n).toString(16).padStart(8, '0').slice(-width).padStart(width, '0');
  }

  base62(n: number, width = 6): string {
    let v = this.scramble(n);
    let out = '';
    for (let i = 0; i < width; i += 1) {
      out = BASE62[v % 62] + out;
      v = Math.floor(v / 62);
    }
    return out;
  }

  /** GUID-shaped (version 4 layout); the first block carries the unique counter. */
  guid(n: number): string {
    const h = (len: number) => Array.from({ length: len }, () => Math.floor(this.random() * 16).toString(16)).join('');
    const variant = '89ab'[Math.floor(this.random() * 4)] ?? '8';
    return `${this.hex(n)}-${h(4)}-4${h(3)}-${variant}${h(3)}-${h(12)}`;
  }

  /** Random filler that is not part of an id's uniqueness. */
  filler(len: number, alphabet = BASE62): string {
    return Array.from({ length: len }, () => alphabet[Math.floor(this.random() * alphabet.length)] ?? 'A').join('');
  }
}

/**
 * Provider ids of planned items, derived from their plan sequence number so the renderer and
 * `expected.ts` agree without passing maps around.
 */
export function msRuleId(ids: IdMaker, seq: number): string {
  return `AQAAA${ids.base62(seq, 6)}=`;
}
export function gmailFilterId(ids: IdMaker, seq: number): string {
  return `ANe1Bm${ids.base62(seq, 6)}`;
}
export function msMessageId(ids: IdMaker, seq: number): string {
  return `AAMkAGI2${ids.base62(seq, 6)}AAA=`;
}
/** Gmail ids are hex and roughly time-ordered: 11 hex digits of the date, 5 of a unique counter. */
export function gmailMessageId(seq: number, atMs: number): string {
  return `${atMs.toString(16).padStart(11, '0')}${(seq & 0xfffff).toString(16).padStart(5, '0')}`;
}

/** The two renderers' id makers; `expected.ts` makes the same ones to name items. */
export const microsoftIds = (seed: number) => new IdMaker(seed);
export const googleIds = (seed: number) => new IdMaker(seed ^ 0x600613);
