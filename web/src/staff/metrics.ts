// The statistics the dashboard shows, each with its label and format (definitions: docs/metrics.md).

import { formatHours, formatNumber, formatPercent } from './format';
import type { MessageKey } from './i18n';
import { t } from './i18n';
import type { Figures } from '../common/types';

export interface Metric {
  key: string;
  label: MessageKey;
  value: (figures: Figures) => number | null;
  format: (value: number) => string;
  /** Counts: whole numbers, so the map's classes have whole bounds. */
  integer?: boolean;
}

const count = (value: number) => formatNumber(value);
const rating = (value: number) => t('value.rating', { value: formatNumber(value, 1) });
const index = (value: number) => formatNumber(value, 1);

export const METRICS = {
  received: { key: 'received', label: 'metric.received', value: (f) => f.received, format: count, integer: true },
  resolved: { key: 'resolved', label: 'metric.resolved', value: (f) => f.resolved, format: count, integer: true },
  open_backlog: {
    key: 'open_backlog',
    label: 'metric.open_backlog',
    value: (f) => f.open_backlog,
    format: count,
    integer: true,
  },
  overdue_now: {
    key: 'overdue_now',
    label: 'metric.overdue_now',
    value: (f) => f.overdue_now,
    format: count,
    integer: true,
  },
  on_time_rate: {
    key: 'on_time_rate',
    label: 'metric.on_time_rate',
    value: (f) => f.on_time_rate ?? null,
    format: formatPercent,
  },
  resolution_rate: {
    key: 'resolution_rate',
    label: 'metric.resolution_rate',
    value: (f) => f.resolution_rate ?? null,
    format: formatPercent,
  },
  time_to_accept: {
    key: 'time_to_accept',
    label: 'metric.time_to_accept',
    value: (f) => f.time_to_accept.median_working_h ?? null,
    format: formatHours,
  },
  time_to_resolve: {
    key: 'time_to_resolve',
    label: 'metric.time_to_resolve',
    value: (f) => f.time_to_resolve.median_working_h ?? null,
    format: formatHours,
  },
  transfer_rate: {
    key: 'transfer_rate',
    label: 'metric.transfer_rate',
    value: (f) => f.transfer_rate ?? null,
    format: formatPercent,
  },
  reopen_rate: {
    key: 'reopen_rate',
    label: 'metric.reopen_rate',
    value: (f) => f.reopen_rate ?? null,
    format: formatPercent,
  },
  mean_rating: { key: 'mean_rating', label: 'metric.mean_rating', value: (f) => f.mean_rating ?? null, format: rating },
  engagement: {
    key: 'engagement',
    label: 'metric.engagement',
    value: (f) => f.engagement?.index ?? null,
    format: index,
  },
  reporters: { key: 'reporters', label: 'metric.reporters', value: (f) => f.reporters, format: count, integer: true },
} satisfies Record<string, Metric>;

export type MetricKey = keyof typeof METRICS;

/** A metric's value for people: "—" (with words for screen readers) when there is none. */
export function formatMetric(metric: Metric, figures: Figures): string {
  const value = metric.value(figures);
  return value === null ? t('value.none') : metric.format(value);
}

/** What the commune map can colour by. */
export const MAP_METRICS: MetricKey[] = [
  'received',
  'resolved',
  'open_backlog',
  'overdue_now',
  'on_time_rate',
  'resolution_rate',
  'time_to_resolve',
  'mean_rating',
  'engagement',
  'reporters',
];
