// Leaflet maps without a tile layer (no internet in production): the communes' outlines from
// the API are the whole background, credited in the attribution control.

import * as L from 'leaflet';
import { t } from '../i18n';

export function createMap(element: HTMLElement, options: L.MapOptions = {}): L.Map {
  const map = L.map(element, {
    attributionControl: true,
    zoomSnap: 0.25,
    minZoom: 8,
    maxZoom: 18,
    ...options,
  });
  map.attributionControl.addAttribution(t('map.attribution'));
  return map;
}

/** Colours of the maps, chosen for contrast with the pale background and with each other. */
export const mapColours = {
  background: '#eef2f5',
  outline: '#3d4f63',
  point: '#b3261e',
  selected: '#111827',
  noData: '#d4d8dd',
};
