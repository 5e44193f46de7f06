// Reporting a problem: the category; the position (the phone's GPS with its accuracy shown, a pin
// the resident places or drags, or a photo's position); "already reported?" (open reports of the
// category nearby, which the resident can support instead); the description; up to five photos,
// scaled down on the phone. Signing in is asked for at the moment of sending. Everything is kept
// in the draft as it is typed; sending moves it into the outbox, which sends it when it can.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../common/http';
import { useAsync } from '../../common/hooks';
import { nameOf, useLocale } from '../../common/locale';
import type { NearbyReport } from '../../common/types';
import { asApiError, isNetworkError, nearbyReports, newIdempotencyKey, support } from '../api';
import { ErrorMessage, Loading } from '../components/Feedback';
import { ReportCard } from '../components/ReportCard';
import { SignIn } from '../components/SignIn';
import type { Draft } from '../db';
import { discardDraft, emptyDraft, loadDraft, saveDraft } from '../draft';
import { CITY_CENTRE, createMap, loadLeaflet } from '../map';
import type { Leaflet } from '../map';
import { enqueue } from '../outbox';
import { preparePhoto } from '../photos';
import { useCategories } from '../reference';
import { navigate, paths } from '../router';
import { queued } from '../send';
import { getSession, needsAccount, useSession } from '../session';
import { t } from '../strings';

/** A GPS fix this good is taken as the report's position without asking. */
const GOOD_ACCURACY_M = 50;
const MAX_PHOTOS = 5;


type Gps = { state: 'idle' } | { state: 'waiting'; accuracy: number | null } | { state: 'denied' } | { state: 'done'; accuracy: number };

/** The position part: the map with a draggable pin, the GPS's state, and the photo's position. */
function PositionPicker({ draft, update, photoPosition }: { draft: Draft; update: (change: Partial<Draft>) => void; photoPosition: { lat: number; lon: number } | null }) {
  const element = useRef<HTMLDivElement>(null);
  const mapRef = useRef<Leaflet.Map | null>(null);
  const pin = useRef<Leaflet.Marker | null>(null);
  const [L, setL] = useState<typeof Leaflet | null>(null);
  const watch = useRef<number | null>(null);
  const [gps, setGps] = useState<Gps>({ state: 'idle' });
  const [baseMap, setBaseMap] = useState(true);
  const latest = useRef(update);
  latest.current = update;

  useEffect(() => {
    void loadLeaflet().then(setL);
  }, []);

  useEffect(() => {
    if (!element.current || !L) return;
    const map = createMap(L, element.current, setBaseMap);
    map.setView(CITY_CENTRE, 14);
    map.on('click', (e: Leaflet.LeafletMouseEvent) => {
      stopWatching();
      latest.current({ lat: e.latlng.lat, lon: e.latlng.lng, accuracy: null, source: 'device' });
    });
    mapRef.current = map;
    return () => {
      stopWatching();
      map.remove();
      mapRef.current = null;
      pin.current = null;
    };
  }, [L]);

  // The pin follows the draft's position.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !L || draft.lat === null || draft.lon === null) return;
    const at = L.latLng(draft.lat, draft.lon);
    if (!pin.current) {
      const icon = L.divIcon({ className: 'pin', html: '<span></span>', iconSize: [28, 28], iconAnchor: [14, 28] });
      pin.current = L.marker(at, { draggable: true, icon, keyboard: true, title: t('report.pin'), alt: t('report.pin') })
        .on('dragend', () => {
          stopWatching();
          const moved = pin.current?.getLatLng();
          if (moved) latest.current({ lat: moved.lat, lon: moved.lng, accuracy: null, source: 'device' });
        })
        .addTo(map);
      map.setView(at, 17);
    } else {
      pin.current.setLatLng(at);
      if (!map.getBounds().contains(at)) map.panTo(at);
    }
  }, [draft.lat, draft.lon, L]);

  function stopWatching() {
    if (watch.current !== null) navigator.geolocation.clearWatch(watch.current);
    watch.current = null;
  }

  function locate() {
    stopWatching();
    setGps({ state: 'waiting', accuracy: null });
    let best = Infinity;
    watch.current = navigator.geolocation.watchPosition(
      (p) => {
        const accuracy = Math.round(p.coords.accuracy);
        if (accuracy >= best) return;
        best = accuracy;
        latest.current({ lat: p.coords.latitude, lon: p.coords.longitude, accuracy, source: 'device' });
        if (accuracy <= GOOD_ACCURACY_M) {
          setGps({ state: 'done', accuracy });
          stopWatching();
        } else {
          setGps({ state: 'waiting', accuracy });
        }
      },
      (error) => {
        stopWatching();
        setGps(error.code === error.PERMISSION_DENIED ? { state: 'denied' } : { state: 'idle' });
      },
      { enableHighAccuracy: true, timeout: 60_000, maximumAge: 0 },
    );
  }

  // Without a position yet, and with the permission already given, the GPS starts by itself
  // (no prompt when the page opens).
  useEffect(() => {
    if (draft.lat !== null) return;
    navigator.permissions
      ?.query({ name: 'geolocation' })
      .then((p) => {
        if (p.state === 'granted') locate();
      })
      .catch(() => undefined);
    // Only when the page opens.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <fieldset class="panel">
      <legend>{t('report.position')}</legend>
      <div class="map-wrap">
        <div ref={element} class="map map--picker" role="region" aria-label={t('report.map_label')} data-testid="report-map" />
        {!baseMap && (
          <p class="map-note" role="status">
            {t('map.unavailable')}
          </p>
        )}
      </div>
      <p class="hint">{t('report.map_hint')}</p>
      <p role="status" data-testid="gps-state">
        {gps.state === 'waiting' &&
          (gps.accuracy === null ? t('report.gps_waiting') : t('report.gps_improving', { accuracy: gps.accuracy, good: GOOD_ACCURACY_M }))}
        {gps.state === 'done' && t('report.gps_done', { accuracy: gps.accuracy })}
        {gps.state === 'denied' && t('report.gps_denied')}
        {gps.state === 'idle' &&
          draft.lat !== null &&
          (draft.source === 'photo'
            ? t('report.from_photo')
            : draft.accuracy !== null
              ? t('report.gps_done', { accuracy: draft.accuracy })
              : t('report.pin_placed'))}
      </p>
      <div class="row">
        <button type="button" class="button" onClick={locate}>
          {t('report.use_gps')}
        </button>
        {photoPosition && (
          <button
            type="button"
            class="button"
            onClick={() => {
              stopWatching();
              setGps({ state: 'idle' });
              update({ lat: photoPosition.lat, lon: photoPosition.lon, accuracy: null, source: 'photo' });
            }}
          >
            {t('report.use_photo_position')}
          </button>
        )}
      </div>
    </fieldset>
  );
}

/** "Already reported?": open reports of the category near the position, to support instead. */
function Nearby({ draft, onSupported }: { draft: Draft; onSupported: (report: NearbyReport) => void }) {
  const session = useSession();
  const [asked, setAsked] = useState<NearbyReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const ready = draft.category !== '' && draft.lat !== null && draft.lon !== null;
  // Rounded, so that a GPS fix improving by a metre does not ask again.
  const lat = draft.lat === null ? null : Number(draft.lat.toFixed(4));
  const lon = draft.lon === null ? null : Number(draft.lon.toFixed(4));
  const nearby = useAsync(
    () => (ready && lat !== null && lon !== null ? nearbyReports(lat, lon, draft.category) : Promise.resolve({ items: [] as NearbyReport[] })),
    [ready, lat, lon, draft.category],
  );

  async function confirm(report: NearbyReport) {
    setError(null);
    try {
      await support(report.id);
      onSupported(report);
    } catch (failure) {
      setError(asApiError(failure));
    }
  }

  const items = nearby.data?.items ?? [];
  // Offline, the question waits: the report can be written and queued all the same.
  const offline = nearby.error && isNetworkError(nearby.error);
  if (!ready || offline || (items.length === 0 && !nearby.error)) return null;
  return (
    <section class="panel nearby" aria-labelledby="nearby-title" data-testid="nearby">
      <h2 id="nearby-title">{t('nearby.title')}</h2>
      <p>{t('nearby.intro')}</p>
      {nearby.error && <ErrorMessage error={nearby.error} onRetry={nearby.reload} />}
      <ul class="cards">
        {items.map((report) => (
          <ReportCard key={report.id} report={report} distance={report.distance_m}>
            <button type="button" class="button" data-testid="support-button" onClick={() => (needsAccount(session) ? setAsked(report) : confirm(report))}>
              {t('nearby.this_is_it')}
            </button>
          </ReportCard>
        ))}
      </ul>
      {error && <ErrorMessage error={error} />}
      {asked && needsAccount(session) && (
        <SignIn
          intro={t('nearby.sign_in')}
          onDone={() => {
            void confirm(asked);
            setAsked(null);
          }}
        />
      )}
    </section>
  );
}

function PhotoPicker({ draft, update, onPosition }: { draft: Draft; update: (change: Partial<Draft>) => void; onPosition: (p: { lat: number; lon: number }) => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const urls = useRef(new Map<string, string>());
  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);
  const urlOf = (key: string, blob: Blob) => {
    let url = urls.current.get(key);
    if (!url) {
      url = URL.createObjectURL(blob);
      urls.current.set(key, url);
    }
    return url;
  };

  async function add(files: FileList | null) {
    if (!files || files.length === 0) return;
    setBusy(true);
    setProblem(null);
    const photos = [...draft.photos];
    for (const file of Array.from(files)) {
      if (photos.length >= MAX_PHOTOS) {
        setProblem(t('photos.too_many', { max: MAX_PHOTOS }));
        break;
      }
      try {
        const prepared = await preparePhoto(file);
        photos.push({ key: newIdempotencyKey(), blob: prepared.blob, name: prepared.name, sent: false });
        if (prepared.position) onPosition(prepared.position);
      } catch {
        setProblem(t('photos.unreadable', { name: file.name }));
      }
    }
    update({ photos });
    setBusy(false);
  }

  /** Takes the chosen files, then empties the chooser so that the same file can be chosen again. */
  function picked(input: HTMLInputElement) {
    void add(input.files).then(() => {
      input.value = '';
    });
  }

  const full = draft.photos.length >= MAX_PHOTOS;
  return (
    <fieldset class="panel">
      <legend>{t('photos.title', { count: draft.photos.length, max: MAX_PHOTOS })}</legend>
      <ul class="thumbs">
        {draft.photos.map((photo, i) => (
          <li key={photo.key}>
            <img src={urlOf(photo.key, photo.blob)} alt={t('photos.alt', { n: i + 1 })} width={96} height={96} />
            <button type="button" class="button button--small" onClick={() => update({ photos: draft.photos.filter((p) => p.key !== photo.key) })}>
              {t('photos.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div class="row">
        <label class={`button${full ? ' button--disabled' : ''}`}>
          {t('photos.camera')}
          <input type="file" accept="image/*" capture="environment" class="visually-hidden" disabled={full || busy} onChange={(e) => picked(e.currentTarget)} />
        </label>
        <label class={`button${full ? ' button--disabled' : ''}`}>
          {t('photos.gallery')}
          <input type="file" accept="image/jpeg,image/png,image/webp,image/heic" multiple class="visually-hidden" data-testid="photo-input" disabled={full || busy} onChange={(e) => picked(e.currentTarget)} />
        </label>
      </div>
      {busy && <p role="status">{t('photos.preparing')}</p>}
      {problem && (
        <p class="alert alert--error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

export function ReportPage() {
  useLocale();
  const session = useSession();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [photoPosition, setPhotoPosition] = useState<{ lat: number; lon: number } | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  const [supported, setSupported] = useState<NearbyReport | null>(null);
  const categories = useCategories();

  useEffect(() => {
    void loadDraft().then(setDraft);
  }, []);

  function update(change: Partial<Draft>) {
    setDraft((current) => {
      if (!current) return current;
      const next = { ...current, ...change };
      void saveDraft(next);
      return next;
    });
  }

  async function send() {
    if (!draft) return;
    const lacking = !draft.category ? t('report.need_category') : draft.lat === null ? t('report.need_position') : !draft.description.trim() ? t('report.need_description') : null;
    setMissing(lacking);
    if (lacking) return;
    if (needsAccount(getSession())) {
      setSigningIn(true);
      return;
    }
    await enqueue(draft);
    navigate(paths.mine);
    void queued();
  }

  if (!draft) return <Loading />;
  if (supported) {
    return (
      <section class="panel" data-testid="supported">
        <h1>{t('nearby.thanks_title')}</h1>
        <p>{t('nearby.thanks')}</p>
        <p>
          <a class="button button--primary" href={paths.detail(supported.id)}>
            {t('nearby.open')}
          </a>
        </p>
        <button
          type="button"
          class="button"
          onClick={() => {
            void discardDraft().then(() => {
              setSupported(null);
              setDraft(emptyDraft());
              navigate(paths.home);
            });
          }}
        >
          {t('nearby.discard_draft')}
        </button>
      </section>
    );
  }

  return (
    // Not a form: the sign-in forms open inside it.
    <div class="report-form">
      <h1>{t('report.title')}</h1>
      <p class="hint">{t('report.draft_kept')}</p>
      <fieldset class="panel">
        <legend>{t('report.category')}</legend>
        {categories.error && <ErrorMessage error={categories.error} onRetry={categories.reload} />}
        <div class="choices" aria-busy={!categories.data}>
          {(categories.data?.items ?? []).map((c) => (
            <label key={c.code} class="choice">
              <input type="radio" name="category" value={c.code} checked={draft.category === c.code} onChange={() => update({ category: c.code })} />
              <span>{nameOf(c)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <PositionPicker
        draft={draft}
        update={update}
        photoPosition={photoPosition}
      />
      <Nearby draft={draft} onSupported={setSupported} />
      <fieldset class="panel">
        <legend>{t('report.details')}</legend>
        <label for="report-description">{t('report.description')}</label>
        <textarea id="report-description" rows={4} maxLength={4000} value={draft.description} onInput={(e) => update({ description: e.currentTarget.value })} />
        <label for="report-address">{t('report.address')}</label>
        <input id="report-address" maxLength={500} value={draft.address} onInput={(e) => update({ address: e.currentTarget.value })} autocomplete="street-address" />
      </fieldset>
      <PhotoPicker
        draft={draft}
        update={update}
        onPosition={(position) => {
          setPhotoPosition(position);
          // A photo's position is taken when the report has none yet.
          if (draft.lat === null) update({ lat: position.lat, lon: position.lon, accuracy: null, source: 'photo' });
        }}
      />
      {missing && (
        <p class="alert alert--error" role="alert">
          {missing}
        </p>
      )}
      {signingIn && needsAccount(session) && (
        <SignIn
          intro={t('report.sign_in_to_send')}
          onDone={() => {
            setSigningIn(false);
            void send();
          }}
        />
      )}
      <button type="button" class="button button--primary button--wide" data-testid="send-report" onClick={() => void send()}>
        {t('report.send')}
      </button>
    </div>
  );
}
