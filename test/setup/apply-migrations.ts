import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

// Real migrations against the pool's D1, before any test file runs.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
