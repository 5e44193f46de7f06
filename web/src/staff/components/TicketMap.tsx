// A small map of the report's point inside its commune's outline.

import * as L from 'leaflet';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, useLocale } from '../i18n';
import { loadCommuneOutlines } from '../reference';
import { createMap, mapColours } from './maps';

export function TicketMap({
  lat,
  lon,
  communeCode,
  communeName,
}: {
  lat: number;
  lon: number;
  communeCode: string;
  communeName: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const locale = useLocale();
  const [outlineMissing, setOutlineMissing] = useState(false);

  useEffect(() => {
    if (!element.current) return;
    const map = createMap(element.current, { scrollWheelZoom: false });
    const point = L.circleMarker([lat, lon], {
      radius: 8,
      color: mapColours.point,
      weight: 3,
      fillColor: '#ffffff',
      fillOpacity: 1,
    })
      .bindTooltip(t('ticket.map_point'))
      .addTo(map);
    map.setView([lat, lon], 14);
    let cancelled = false;
    loadCommuneOutlines().then(
      (outlines) => {
        if (cancelled) return;
        const feature = outlines.features.find((f) => f.properties?.code === communeCode);
        if (!feature) {
          setOutlineMissing(true);
          return;
        }
        const outline = L.geoJSON(feature, {
          interactive: false,
          style: { color: mapColours.outline, weight: 2, fillColor: mapColours.outline, fillOpacity: 0.08 },
        }).addTo(map);
        map.fitBounds(outline.getBounds(), { padding: [12, 12], animate: false });
        point.bringToFront();
      },
      () => {
        if (!cancelled) setOutlineMissing(true);
      },
    );
    return () => {
      cancelled = true;
      map.remove();
    };
  }, [lat, lon, communeCode, locale]);

  return (
    <figure class="ticket-map">
      <div
        ref={element}
        class="map map--small"
        role="region"
        aria-label={t('ticket.map_label', { commune: communeName })}
        data-testid="ticket-map"
      />
      <figcaption class="muted">
        {t('ticket.position', { lat: lat.toFixed(5), lon: lon.toFixed(5), commune: communeName })}
        {outlineMissing && ` ${t('ticket.outline_missing')}`}
      </figcaption>
    </figure>
  );
}
