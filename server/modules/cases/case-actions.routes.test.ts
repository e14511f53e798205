import { describe, expect, it } from 'vitest';
import { routeAccessTable } from '../../platform/access/access.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { caseActionRoutes, flowAccess } from './case-actions.routes.ts';
import { actionRules, caseActions } from './case-flow.ts';

/** The flow table and the routes share one permission per step: the routes take it from the table. */
describe('case action routes and the flow table', () => {
  const t = useTestApp();
  const registered = (method: string, url: string) =>
    routeAccessTable(t.app).find((route) => route.method === method && route.url === url);

  it('refuses a route whose steps need different permissions, or none a person holds', () => {
    expect(() => flowAccess(['register', 'dispatch'])).toThrow(/one staff permission/);
    expect(() => flowAccess(['rate'])).toThrow(/one staff permission/);
    expect(() => flowAccess([])).toThrow(/one staff permission/);
  });

  it('gives every staff step of the flow a route, and no route a step the flow does not know', () => {
    const routed = caseActionRoutes.flatMap((route) => route.actions);
    const staffSteps = caseActions.filter((action) => actionRules[action].permission !== null);
    expect([...routed].sort()).toEqual([...staffSteps].sort());
  });

  it('registers each action route with the permission the flow table gives its steps', () => {
    for (const { path, actions } of caseActionRoutes) {
      const route = registered('POST', `/api/cases/:caseNo/${path}`);
      expect(route, path).toBeDefined();
      for (const action of actions)
        expect(route?.access, `${path} → ${action}`).toEqual({ permission: actionRules[action].permission });
    }
  });

  it('leaves the reporter’s step (回访, no staff permission) to the public route with the tracking code', () => {
    expect(actionRules.rate.permission).toBeNull();
    expect(registered('POST', '/api/public/cases/:caseNo/rating')?.access).toBe('public');
  });
});
