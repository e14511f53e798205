import { describe, expect, it } from 'vitest';
import {
  idleLocation,
  type LocationEvent,
  type LocationState,
  locationMessage,
  nextLocation,
  type Position,
  pointOf,
} from './locationState.ts';

const bounds = { minLng: 113.58, maxLng: 114.14, minLat: 26.01, maxLat: 26.8 };
const inCounty: Position = { lng: 113.772, lat: 26.489, accuracyM: 12, source: 'device' };
const changsha: Position = { lng: 112.98, lat: 28.19, source: 'device' };

const run = (events: LocationEvent[], from: LocationState = idleLocation) =>
  events.reduce((state, event) => nextLocation(state, event, bounds), from);

describe('the location state', () => {
  it('asks, then lands on one outcome', () => {
    expect(run([{ type: 'locate' }])).toEqual({ kind: 'locating' });
    expect(run([{ type: 'locate' }, { type: 'found', position: inCounty }])).toEqual({
      kind: 'located',
      position: inCounty,
    });
    expect(run([{ type: 'locate' }, { type: 'found', position: changsha }]).kind).toBe('outside');
    expect(run([{ type: 'locate' }, { type: 'failed', reason: 'denied' }])).toEqual({ kind: 'denied' });
    expect(run([{ type: 'locate' }, { type: 'failed', reason: 'unavailable' }])).toEqual({ kind: 'unavailable' });
    expect(run([{ type: 'describe' }])).toEqual({ kind: 'manual' });
  });

  it('drops the phone’s late answer once the citizen has placed the point another way', () => {
    const pinned: Position = { lng: 113.8, lat: 26.5, source: 'pin' };
    const afterPin = run([{ type: 'locate' }, { type: 'found', position: pinned }]);
    expect(run([{ type: 'failed', reason: 'denied' }], afterPin)).toEqual(afterPin);
    expect(run([{ type: 'found', position: inCounty }], afterPin)).toEqual(afterPin);
    expect(run([{ type: 'locate' }, { type: 'describe' }, { type: 'failed', reason: 'denied' }])).toEqual({
      kind: 'manual',
    });
  });

  it('a refusal is replaced by the photo’s point, and asking again clears it', () => {
    const denied = run([{ type: 'locate' }, { type: 'failed', reason: 'denied' }]);
    const photo: Position = { lng: 113.7731, lat: 26.4902, source: 'photo' };
    expect(run([{ type: 'found', position: photo }], denied)).toEqual({ kind: 'located', position: photo });
    expect(run([{ type: 'locate' }], denied)).toEqual({ kind: 'locating' });
  });

  it('carries a point only when it is in the county', () => {
    expect(pointOf(run([{ type: 'locate' }, { type: 'found', position: inCounty }]))).toEqual(inCounty);
    expect(pointOf(run([{ type: 'locate' }, { type: 'found', position: changsha }]))).toBeUndefined();
    expect(pointOf({ kind: 'denied' })).toBeUndefined();
  });

  it('has one message per state, warning only where something went wrong', () => {
    const states: LocationState[] = [
      idleLocation,
      { kind: 'locating' },
      { kind: 'located', position: inCounty },
      { kind: 'outside', position: changsha },
      { kind: 'denied' },
      { kind: 'unavailable' },
      { kind: 'manual' },
    ];
    expect(states.map((s) => [s.kind, locationMessage(s).tone])).toEqual([
      ['idle', 'info'],
      ['locating', 'info'],
      ['located', 'success'],
      ['outside', 'warning'],
      ['denied', 'warning'],
      ['unavailable', 'warning'],
      ['manual', 'info'],
    ]);
    expect(locationMessage({ kind: 'located', position: inCounty })).toMatchObject({
      key: 'citizen.location.state.located.deviceAccuracy',
      vars: { meters: 12, lng: '113.77200', lat: '26.48900' },
    });
    expect(
      locationMessage({ kind: 'located', position: { ...inCounty, accuracyM: undefined, source: 'pin' } }).key,
    ).toBe('citizen.location.state.located.pin');
  });
});
