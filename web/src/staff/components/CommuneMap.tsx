// Huế's 40 communes coloured by one metric, with a legend, a tooltip on hover and the commune's
// main figures in a popup on click.

import * as L from 'leaflet';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { nameOf, t, useLocale } from '../i18n';
import { METRICS, formatMetric } from '../metrics';
import type { Metric } from '../metrics';
import type { BreakdownRow, FeatureCollection } from '../../common/types';
import { createMap, mapColours } from './maps';

/** A sequential scale, light to dark, each step distinguishable and the darkest still readable. */
const SCALE = ['#deebf7', '#9ecae1', '#5b9bd0', '#2b6cb0', '#143d73'];

interface Class {
  colour: string;
  from: number;
  to: number;
}

/**
 * Equal-interval classes over the values present: one class when they are all equal, and for
 * counts whole bounds that do not overlap (one class per value when there are few).
 */
function classify(values: number[], integer: boolean): Class[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const middle = SCALE[2] ?? '#5b9bd0';
  if (min === max) return [{ colour: middle, from: min, to: max }];
  if (integer && max - min < SCALE.length) {
    const colours = SCALE.slice(SCALE.length - (max - min + 1));
    return colours.map((colour, i) => ({ colour, from: min + i, to: min + i }));
  }
  const step = (max - min) / SCALE.length;
  const classes: Class[] = [];
  SCALE.forEach((colour, i) => {
    const to = i === SCALE.length - 1 ? max : min + step * (i + 1);
    const previous = classes[classes.length - 1];
    const from = previous ? previous.to : min;
    if (!integer) classes.push({ colour, from, to });
    else classes.push({ colour, from: previous ? Math.floor(previous.to) + 1 : min, to: Math.floor(to) });
  });
  return classes;
}

function colourOf(value: number | null, classes: Class[]): string {
  if (value === null) return mapColours.noData;
  const found = classes.find((c) => value <= c.to) ?? classes[classes.length - 1];
  return found?.colour ?? mapColours.noData;
}

/** The popup: the commune's name and main figures, built as DOM nodes (no HTML strings). */
function popupOf(row: BreakdownRow): HTMLElement {
  const box = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = nameOf({ name: row.name ?? row.key, name_en: row.name_en ?? row.key });
  box.append(title);
  const list = document.createElement('dl');
  list.className = 'popup-figures';
  for (const metric of [
    METRICS.received,
    METRICS.resolved,
    METRICS.open_backlog,
    METRICS.overdue_now,
    METRICS.on_time_rate,
    METRICS.mean_rating,
    METRICS.engagement,
  ] as Metric[]) {
    const term = document.createElement('dt');
    term.textContent = t(metric.label);
    const value = document.createElement('dd');
    value.textContent = formatMetric(metric, row);
    list.append(term, value);
  }
  box.append(list);
  return box;
}

export function CommuneMap({
  data,
  metric,
  selected,
}: {
  data: FeatureCollection<BreakdownRow>;
  metric: Metric;
  /** The commune of the filter, outlined. */
  selected: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.GeoJSON | null>(null);
  const locale = useLocale();

  useEffect(() => {
    if (!element.current) return;
    const created = createMap(element.current, { scrollWheelZoom: false });
    created.setView([16.4, 107.6], 9);
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
      layer.current = null;
    };
  }, [locale]);

  // Made again only for new data or another metric, which is also when the layer is drawn again.
  const classes = useMemo(() => {
    const values = data.features.map((f) => metric.value(f.properties)).filter((v): v is number => v !== null);
    return classify(values, metric.integer === true);
  }, [data, metric]);

  useEffect(() => {
    const current = map.current;
    if (!current) return;
    const first = layer.current === null;
    layer.current?.remove();
    const geo = L.geoJSON(data, {
      style: (feature) => {
        const row = feature?.properties as BreakdownRow;
        const isSelected = row.key === selected;
        return {
          color: isSelected ? mapColours.selected : mapColours.outline,
          weight: isSelected ? 3 : 1,
          fillColor: colourOf(metric.value(row), classes),
          fillOpacity: 0.9,
        };
      },
      onEachFeature: (feature, shape) => {
        const row = feature.properties as BreakdownRow;
        const name = nameOf({ name: row.name ?? row.key, name_en: row.name_en ?? row.key });
        shape.bindTooltip(`${name}: ${formatMetric(metric, row)}`, { sticky: true });
        shape.bindPopup(() => popupOf(row));
      },
    }).addTo(current);
    layer.current = geo;
    if (first && data.features.length > 0) current.fitBounds(geo.getBounds(), { padding: [8, 8], animate: false });
  }, [data, metric, selected, locale, classes]);

  return (
    <div class="commune-map">
      <div
        ref={element}
        class="map map--large"
        role="region"
        aria-label={t('dashboard.map_label', { metric: t(metric.label) })}
        data-testid="commune-map"
      />
      <div class="legend" data-testid="map-legend">
        <p class="legend__title">{t(metric.label)}</p>
        <ul>
          {classes.map((c) => (
            <li key={c.colour}>
              <span class="legend__swatch" style={{ background: c.colour }} aria-hidden="true" />
              {c.from === c.to
                ? metric.format(c.from)
                : t('legend.range', { from: metric.format(c.from), to: metric.format(c.to) })}
            </li>
          ))}
          <li>
            <span class="legend__swatch" style={{ background: mapColours.noData }} aria-hidden="true" />
            {t('legend.no_data')}
          </li>
        </ul>
      </div>
    </div>
  );
}
