import { defineConfig } from 'drizzle-kit';

// Generation only needs the schema; migrations are applied at start by server/platform/db/migrate.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema/index.ts',
  out: './server/db/migrations',
});
