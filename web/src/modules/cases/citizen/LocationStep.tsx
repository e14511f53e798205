import { lazy, Suspense, useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { Spinner } from '../../../app/public/Spinner.tsx';
import { type TileConfig, tileConfig } from '../staff/map/mapConfig.ts';
import type { CountyBounds, FormTownship } from './citizenApi.ts';
import { Icon } from './icons.tsx';
import { type LocationDraft, ManualPoint, PlaceFields } from './LocationFields.tsx';
import { type LocationEvent, type LocationState, locationMessage, pointOf } from './locationState.ts';
import { Notice } from './Notice.tsx';
import type { DraftPhoto } from './reportDraft.ts';
import { useDeviceLocation } from './useDeviceLocation.ts';

// Leaflet and its styles come only with the map, and only when the county has a tile service.
const PinMap = lazy(() => import('./PinMap.tsx'));
const configuredTiles = tileConfig();

interface Props {
  townships: readonly FormTownship[];
  bounds: CountyBounds;
  draft: LocationDraft;
  photos: readonly DraftPhoto[];
  errors: Readonly<Record<string, string>>;
  onChange: (change: Partial<LocationDraft>) => void;
  onLocation: (event: LocationEvent) => void;
  /** The base map, when the county configured one (mapConfig.ts); tests pass their own. */
  tiles?: TileConfig;
}

/**
 * Step 3: where the problem is. A point — the phone's, the photo's, or a pin on the map — or, when location is
 * refused or unavailable, the township with the address in words. One message says where things stand
 * (locationState.ts); field messages show only after the citizen tried to go on.
 */
export function LocationStep({
  townships,
  bounds,
  draft,
  photos,
  errors,
  onChange,
  onLocation,
  tiles = configuredTiles,
}: Props) {
  const t = useT();
  const device = useDeviceLocation(onLocation);
  const [pinning, setPinning] = useState(false);
  const point = pointOf(draft.location);
  return (
    <section aria-labelledby="report-location-question">
      <h2 className="wm-report-question" id="report-location-question">
        {t('citizen.location.question')}
      </h2>
      <LocationNotice state={draft.location} serverProblem={errors.lng ?? errors.lat} />
      <PointButtons
        state={draft.location}
        photos={photos}
        canPin={tiles !== undefined}
        onLocate={device.locate}
        onPin={() => setPinning(true)}
        onLocation={onLocation}
      />
      {pinning && tiles && (
        <Suspense fallback={null}>
          <PinMap
            tiles={tiles}
            bounds={bounds}
            start={point}
            onPick={(position) => {
              onLocation({ type: 'found', position });
              setPinning(false);
            }}
            onCancel={() => setPinning(false)}
          />
        </Suspense>
      )}
      <div className="wm-location-form">
        <PlaceFields
          townships={townships}
          draft={draft}
          hasPoint={point !== undefined}
          errors={errors}
          onChange={onChange}
        />
        <ManualPoint bounds={bounds} current={point} onApply={(position) => onLocation({ type: 'found', position })} />
      </div>
    </section>
  );
}

/** Exactly one message: the state's, or the server's word about the point after it refused the report. */
function LocationNotice({ state, serverProblem }: { state: LocationState; serverProblem?: string }) {
  const t = useT();
  if (serverProblem)
    return (
      <Notice
        tone="error"
        className="wm-location-notice"
        title={serverProblem}
        data-testid="location-notice"
        data-state="refused"
        role="alert"
      />
    );
  const message = locationMessage(state);
  return (
    <Notice
      tone={message.tone}
      className="wm-location-notice"
      title={t(message.key, message.vars)}
      role={message.tone === 'warning' ? 'alert' : 'status'}
      data-testid="location-notice"
      data-state={state.kind}
    />
  );
}

interface ButtonsProps {
  state: LocationState;
  photos: readonly DraftPhoto[];
  canPin: boolean;
  onLocate: () => void;
  onPin: () => void;
  onLocation: (event: LocationEvent) => void;
}

/** "Use my location"; the photo's point when a photo has one; a pin when there is a map; or no point at all. */
function PointButtons({ state, photos, canPin, onLocate, onPin, onLocation }: ButtonsProps) {
  const t = useT();
  const photoPoint = photos.find((p) => p.position !== null)?.position ?? null;
  const locating = state.kind === 'locating';
  return (
    <div className="wm-location-buttons">
      <button
        type="button"
        className="wm-button wm-button-primary wm-button-block"
        aria-busy={locating}
        onClick={onLocate}
        data-testid="use-my-location"
      >
        {locating ? <Spinner /> : <Icon name="locate" />}
        {locating
          ? t('citizen.location.locating')
          : t(state.kind === 'idle' ? 'citizen.location.useMine' : 'citizen.location.again')}
      </button>
      {photoPoint && (
        <button
          type="button"
          className="wm-button wm-button-block"
          onClick={() => onLocation({ type: 'found', position: { ...photoPoint, source: 'photo' } })}
          data-testid="use-photo-location"
        >
          <Icon name="photo" />
          {t('citizen.location.fromPhoto')}
        </button>
      )}
      {canPin && (
        <button type="button" className="wm-button wm-button-block" onClick={onPin} data-testid="pin-on-map">
          <Icon name="pin" />
          {t('citizen.location.pin')}
        </button>
      )}
      {(state.kind === 'idle' || state.kind === 'locating' || state.kind === 'located') && (
        <button
          type="button"
          className="wm-button wm-button-link"
          onClick={() => onLocation({ type: 'describe' })}
          data-testid="describe-place"
        >
          <Icon name="edit" />
          {t(state.kind === 'located' ? 'citizen.location.describeInstead' : 'citizen.location.describe')}
        </button>
      )}
    </div>
  );
}
