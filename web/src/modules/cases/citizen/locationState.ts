import type { MessageKey } from '../../../app/i18n/zh.ts';
import type { CountyBounds } from './citizenApi.ts';

/** Where a point came from: the phone, a photo's EXIF, a pin on the map, or typed in (advanced). */
export type PointSource = 'device' | 'photo' | 'pin' | 'manual';

export interface Position {
  lng: number;
  lat: number;
  accuracyM?: number;
  source: PointSource;
}

/**
 * Where the report's place stands, one state at a time, so the page says one thing: nothing asked yet, asking
 * the phone, a point in the county, a point outside it (not used), location refused, location unavailable, or
 * the citizen chose to say where in words (township + address) without a point.
 */
export type LocationState =
  | { kind: 'idle' }
  | { kind: 'locating' }
  | { kind: 'located'; position: Position }
  | { kind: 'outside'; position: Position }
  | { kind: 'denied' }
  | { kind: 'unavailable' }
  | { kind: 'manual' };

export type LocationEvent =
  | { type: 'locate' }
  | { type: 'found'; position: Position }
  | { type: 'failed'; reason: 'denied' | 'unavailable' }
  /** "不定位，直接填写地点": drop any point; township and address say where. */
  | { type: 'describe' };

export const idleLocation: LocationState = { kind: 'idle' };

export function insideBounds(point: { lng: number; lat: number }, bounds: CountyBounds): boolean {
  return (
    point.lng >= bounds.minLng && point.lng <= bounds.maxLng && point.lat >= bounds.minLat && point.lat <= bounds.maxLat
  );
}

/**
 * The next state. The phone answers late: an answer (or a refusal) that arrives when the citizen is no longer
 * waiting for it — they placed a pin, used the photo's point or chose to describe the place — is dropped, so a
 * stale "没有允许定位" never shows beside a point.
 */
export function nextLocation(state: LocationState, event: LocationEvent, bounds: CountyBounds): LocationState {
  switch (event.type) {
    case 'locate':
      return { kind: 'locating' };
    case 'found':
      if (event.position.source === 'device' && state.kind !== 'locating') return state;
      return insideBounds(event.position, bounds)
        ? { kind: 'located', position: event.position }
        : { kind: 'outside', position: event.position };
    case 'failed':
      return state.kind === 'locating' ? { kind: event.reason } : state;
    case 'describe':
      return { kind: 'manual' };
  }
}

/** The point a report carries: only one inside the county. */
export function pointOf(state: LocationState): Position | undefined {
  return state.kind === 'located' ? state.position : undefined;
}

export interface LocationMessage {
  tone: 'info' | 'success' | 'warning';
  key: MessageKey;
  vars?: Record<string, string | number>;
}

const coordinates = (p: Position) => ({ lng: p.lng.toFixed(5), lat: p.lat.toFixed(5) });

/** The one message the location step shows for a state. */
export function locationMessage(state: LocationState): LocationMessage {
  switch (state.kind) {
    case 'idle':
      return { tone: 'info', key: 'citizen.location.state.idle' };
    case 'locating':
      return { tone: 'info', key: 'citizen.location.state.locating' };
    case 'located':
      return {
        tone: 'success',
        key:
          state.position.accuracyM === undefined
            ? `citizen.location.state.located.${state.position.source}`
            : 'citizen.location.state.located.deviceAccuracy',
        vars: {
          ...coordinates(state.position),
          ...(state.position.accuracyM === undefined ? {} : { meters: Math.round(state.position.accuracyM) }),
        },
      };
    case 'outside':
      return { tone: 'warning', key: 'citizen.location.state.outside', vars: coordinates(state.position) };
    case 'denied':
      return { tone: 'warning', key: 'citizen.location.state.denied' };
    case 'unavailable':
      return { tone: 'warning', key: 'citizen.location.state.unavailable' };
    case 'manual':
      return { tone: 'info', key: 'citizen.location.state.manual' };
  }
}
