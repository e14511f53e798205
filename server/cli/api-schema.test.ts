import fs from 'node:fs';
import { expect, it } from 'vitest';
import { apiSchemaFile, generateApiSchema } from './api-schema.ts';

/** The web app's types are the server's routes: CI fails when a route changed and the types were not regenerated. */
it('web/src/api/schema.gen.ts matches the routes (run `npm run gen:api` when it does not)', async () => {
  const committed = fs.existsSync(apiSchemaFile) ? fs.readFileSync(apiSchemaFile, 'utf8') : '';
  const fresh = await generateApiSchema();
  expect(committed === fresh, 'web/src/api/schema.gen.ts is out of date: run `npm run gen:api` and commit it').toBe(
    true,
  );
});
