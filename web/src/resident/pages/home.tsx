// The residents' home: a map of Huế with the public reports around (the resident's position when
// they already allowed it, else the city centre), filters by category and status, the same
// reports as a list, a lookup by tracking code, and the one obvious "Phản ánh" button.

import { useEffect, useRef, useState } from 'preact/hooks';
import { useAsync } from '../../common/hooks';
import { nameOf, useLocale } from '../../common/locale';
import { STATUSES } from '../../common/types';
import type { PublicReport, Status } from '../../common/types';
import { listReports } from '../api';
import { Empty, ErrorMessage, Loading } from '../components/Feedback';
import { ReportCard } from '../components/ReportCard';
import { CITY_CENTRE, colours, createMap, loadLeaflet } from '../map';
import type { Leaflet } from '../map';
import { useCategories } from '../reference';
import { navigate, paths } from '../router';
import { statusLabel, t } from '../strings';

/** The position, if the resident has already allowed it (no prompt on opening the app). */
async function knownPosition(): Promise<[number, number] | null> {
  try {
    const permission = await navigator.permissions.query({ name: 'geolocation' });
    if (permission.state !== 'granted') return null;
    return await new Promise((resolve) =>
      navigator.geolocation.getCurrentPosition(
        (p) => resolve([p.coords.latitude, p.coords.longitude]),
        () => resolve(null),
        { maximumAge: 60_000, timeout: 10_000 },
      ),
    );
  } catch {
    return null;
  }
}

/** Cards shown at first and added by each "more": a cheap phone lays out 20 at once without a stall. */
const PAGE = 20;

function bboxOf(map: Leaflet.Map): string {
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(5)).join(',');
}

function CodeLookup() {
  const [code, setCode] = useState('');
  return (
    <form
      class="panel lookup"
      onSubmit={(e) => {
        e.preventDefault();
        if (code.trim()) navigate(paths.code(code.trim()));
      }}
    >
      <label for="lookup-code">{t('lookup.label')}</label>
      <div class="row">
        <input id="lookup-code" value={code} onInput={(e) => setCode(e.currentTarget.value)} placeholder="HT-XXXX-XXXX" autocapitalize="characters" />
        <button type="submit" class="button">
          {t('lookup.submit')}
        </button>
      </div>
    </form>
  );
}

export function HomePage() {
  const locale = useLocale();
  const element = useRef<HTMLDivElement>(null);
  const mapRef = useRef<Leaflet.Map | null>(null);
  const layer = useRef<Leaflet.LayerGroup | null>(null);
  const [L, setL] = useState<typeof Leaflet | null>(null);
  const [bbox, setBbox] = useState<string | null>(null);
  const [category, setCategory] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [q, setQ] = useState('');
  const [baseMap, setBaseMap] = useState(true);
  const [shown, setShown] = useState(PAGE);
  const categories = useCategories();

  useEffect(() => {
    void loadLeaflet().then(setL);
  }, []);

  useEffect(() => {
    if (!element.current || !L) return;
    const map = createMap(L, element.current, setBaseMap);
    map.setView(CITY_CENTRE, 14);
    layer.current = L.layerGroup().addTo(map);
    mapRef.current = map;
    const moved = () => setBbox(bboxOf(map));
    map.on('moveend', moved);
    moved();
    knownPosition().then((position) => {
      if (position && mapRef.current === map) map.setView(position, 15);
    });
    return () => {
      mapRef.current = null;
      map.remove();
    };
  }, [L]);

  const reports = useAsync(
    () =>
      bbox
        ? listReports({ bbox, category, status: status || null, q: q.trim() || null, limit: 100 })
        : Promise.resolve({ items: [] as PublicReport[] }),
    [bbox, category, status, q],
  );

  useEffect(() => {
    const group = layer.current;
    if (!group || !L) return;
    group.clearLayers();
    for (const report of reports.data?.items ?? []) {
      L.circleMarker([report.lat, report.lon], {
        radius: 9,
        color: '#ffffff',
        weight: 2,
        fillColor: report.status === 'resolved' || report.status === 'closed' ? '#1e7b34' : colours.pin,
        fillOpacity: 0.95,
      })
        .bindTooltip(nameOf({ name: report.category_name, name_en: report.category_name_en }))
        .on('click', () => navigate(paths.detail(report.id)))
        .addTo(group);
    }
  }, [reports.data, locale, L]);

  useEffect(() => setShown(PAGE), [reports.data]);

  const items = reports.data?.items ?? [];
  const more = Math.min(PAGE, items.length - shown);
  return (
    <>
      <h1 class="visually-hidden">{t('home.title')}</h1>
      <div class="map-wrap">
        <div ref={element} class="map" role="region" aria-label={t('home.map_label')} data-testid="home-map" />
        {!baseMap && (
          <p class="map-note" role="status" data-testid="base-map-unavailable">
            {t('map.unavailable')}
          </p>
        )}
      </div>
      <a class="fab" href={paths.report} data-testid="report-button">
        <span aria-hidden="true">＋</span> {t('home.report')}
      </a>
      <section class="filters" aria-label={t('home.filters')}>
        <div class="field field--wide">
          <label for="filter-q">{t('home.search')}</label>
          <input
            id="filter-q"
            type="search"
            maxLength={200}
            value={q}
            placeholder={t('home.search_hint')}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="filter-category">{t('home.category')}</label>
          <select id="filter-category" value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
            <option value="">{t('home.all_categories')}</option>
            {(categories.data?.items ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {nameOf(c)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-status">{t('home.status')}</label>
          <select id="filter-status" value={status} onChange={(e) => setStatus(e.currentTarget.value as Status | '')}>
            <option value="">{t('home.all_statuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
      </section>
      <CodeLookup />
      <section aria-labelledby="list-title">
        <h2 id="list-title">{t('home.list_title', { count: items.length })}</h2>
        {reports.error && <ErrorMessage error={reports.error} onRetry={reports.reload} />}
        {reports.loading && !reports.data && <Loading />}
        {reports.data && items.length === 0 && <Empty>{t('home.empty')}</Empty>}
        <ul class="cards" data-testid="report-list">
          {items.slice(0, shown).map((r) => (
            <ReportCard key={r.id} report={r} />
          ))}
        </ul>
        {more > 0 && (
          <button type="button" class="button button--wide" onClick={() => setShown(shown + PAGE)} data-testid="more-reports">
            {t('home.more', { count: more })}
          </button>
        )}
      </section>
    </>
  );
}
