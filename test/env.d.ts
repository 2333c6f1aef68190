import type { D1Migration } from 'cloudflare:test';
import type { Env as TutelaEnv } from '../src/env.ts';
import type * as mainModule from '../src/index.ts';

declare global {
  namespace Cloudflare {
    interface Env extends TutelaEnv {
      TEST_MIGRATIONS: D1Migration[];
    }
    interface GlobalProps {
      mainModule: typeof mainModule;
    }
  }
}
