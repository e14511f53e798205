import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { reportBody } from './cases.test-support.ts';

/** Issue 9 item 4, moved here from the platform's storable-text test: a lone surrogate in a report is a 400. */
describe("text PostgreSQL cannot store in a citizen's report", () => {
  const t = useTestApp();

  it('is a field error on the description, not a 500', async () => {
    const payload = await reportBody({ description: `占道${'\uD800'}经营` });
    const res = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields ?? {})).toContain('description');
  });
});
