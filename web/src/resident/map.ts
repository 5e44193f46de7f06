// The residents' maps (Leaflet): the base map from the tile source the server is configured with
// (HIENTRUONG_TILE_URL, written into the page as <meta name="ht-tiles">), and the communes'
// outlines from the API on top, which are the whole map when no tile can be loaded. Leaflet is
// loaded after the page's first paint (its own chunk), so that the list and the buttons show at
// once on a slow phone.

import type * as Leaflet from 'leaflet';
import { loadOnce } from '../common/reference';
import { communeOutlines } from './api';
import { t } from './strings';

/** Huế's centre (the Citadel), where the map opens without the resident's position. */
export const CITY_CENTRE: [number, number] = [16.4698, 107.5786];

export const colours = {
  outline: '#3d4f63',
  pin: '#b3261e',
};

function meta(name: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim() ?? '';
}

/** The communes' outlines, fetched once for every map of the page load. */
const loadOutlines = loadOnce(communeOutlines);
let leaflet: Promise<typeof Leaflet> | null = null;

export type { Leaflet };

/** Leaflet, loaded once. */
export function loadLeaflet(): Promise<typeof Leaflet> {
  // Leaflet is a CommonJS module: a dynamic import answers it as the default export.
  leaflet ??= import('leaflet').then((m) => (m as unknown as { default?: typeof Leaflet }).default ?? m);
  return leaflet;
}

/**
 * A map in `element`: tiles when they load, the outlines always; `onBaseMap(false)` when the base
 * map cannot be shown (not configured, or its tiles fail), `onBaseMap(true)` once a tile loaded.
 */
export function createMap(
  L: typeof Leaflet,
  element: HTMLElement,
  onBaseMap: (available: boolean) => void,
  options: Leaflet.MapOptions = {},
): Leaflet.Map {
  // No animations: lighter on a cheap phone, and nothing left running when a page removes its map.
  const map = L.map(element, {
    zoomSnap: 0.5,
    minZoom: 9,
    maxZoom: 19,
    zoomAnimation: false,
    fadeAnimation: false,
    markerZoomAnimation: false,
    // One canvas for the outlines and the report pins rather than an SVG element each: far less
    // style and layout work for a cheap phone's browser.
    preferCanvas: true,
    ...options,
  });
  let removed = false;
  map.on('unload', () => {
    removed = true;
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(t('map.boundaries'));
  const url = meta('ht-tiles');
  if (url) {
    let loaded = false;
    L.tileLayer(url, { attribution: escapeHtml(meta('ht-tiles-attribution')), maxZoom: 19, crossOrigin: false })
      .on('tileload', () => {
        if (!loaded) onBaseMap(true);
        loaded = true;
      })
      .on('tileerror', () => {
        if (!loaded) onBaseMap(false);
      })
      .addTo(map);
  } else {
    onBaseMap(false);
  }
  loadOutlines().then(
    (collection) => {
      if (removed) return;
      L.geoJSON(collection, {
        interactive: false,
        style: { color: colours.outline, weight: 1.5, fillOpacity: 0, opacity: 0.7 },
      }).addTo(map);
    },
    () => {
      // This map goes without the outlines; the next one asks for them again.
    },
  );
  return map;
}

function escapeHtml(text: string): string {
  const span = document.createElement('span');
  span.textContent = text;
  return span.innerHTML;
}
