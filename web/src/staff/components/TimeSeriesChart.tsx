// Figures over time: received against resolved, and the on-time rate, each as a chart with the
// same numbers in a table for those who cannot see the chart.

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { formatNumber, formatPercent, formatPeriod, periodsOf } from '../format';
import { t, useLocale } from '../i18n';
import type { BreakdownRow } from '../../common/types';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

export type Interval = 'day' | 'week' | 'month';

const COLOURS = { received: '#2b6cb0', resolved: '#c05621', onTime: '#276749' };

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** A Chart.js chart on a canvas; a new configuration updates it in place. */
function ChartCanvas({ config, label, testId }: { config: ChartConfiguration; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    if (!chart.current) {
      chart.current = new Chart(canvas.current, config);
      return;
    }
    chart.current.data = config.data;
    chart.current.options = config.options ?? {};
    chart.current.update();
  }, [config]);
  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );
  return (
    <div class="chart">
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}

/** One period of the series; the API leaves out periods without any event. */
interface Point {
  key: string;
  received: number;
  resolved: number;
  on_time_rate: number | null;
}

export function TimeSeriesChart({
  data,
  from,
  to,
  interval,
}: {
  data: BreakdownRow[];
  from: string;
  to: string;
  interval: Interval;
}) {
  const locale = useLocale();
  const rows = useMemo<Point[]>(() => {
    const byKey = new Map(data.map((row) => [row.key, row]));
    return periodsOf(from, to, interval).map((key) => {
      const row = byKey.get(key);
      return row
        ? { key, received: row.received, resolved: row.resolved, on_time_rate: row.on_time_rate ?? null }
        : { key, received: 0, resolved: 0, on_time_rate: null };
    });
  }, [data, from, to, interval]);
  const labels = useMemo(
    () => rows.map((row) => formatPeriod(row.key, interval)),
    // formatPeriod writes in the interface language, which it reads itself: `locale` makes the
    // labels, and the charts made from them, again when the language changes.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
    [rows, interval, locale],
  );
  const animation = reducedMotion() ? false : undefined;

  const counts = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: t('metric.received'), data: rows.map((r) => r.received), backgroundColor: COLOURS.received },
          { label: t('metric.resolved'), data: rows.map((r) => r.resolved), backgroundColor: COLOURS.resolved },
        ],
      },
      options: {
        maintainAspectRatio: false,
        animation,
        scales: { y: { beginAtZero: true, ticks: { precision: 0, callback: (v) => formatNumber(Number(v)) } } },
        plugins: { legend: { position: 'bottom' } },
      },
    }),
    [rows, labels, animation],
  );

  const rates = useMemo<ChartConfiguration>(
    () => ({
      type: 'line',
      data: {
        labels,
        datasets: [
          {
            label: t('metric.on_time_rate'),
            data: rows.map((r) => (r.on_time_rate === null ? null : r.on_time_rate * 100)),
            borderColor: COLOURS.onTime,
            backgroundColor: COLOURS.onTime,
            spanGaps: true,
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        animation,
        scales: { y: { min: 0, max: 100, ticks: { callback: (v) => formatPercent(Number(v) / 100) } } },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: { label: (item) => `${item.dataset.label}: ${formatPercent(Number(item.raw) / 100)}` },
          },
        },
      },
    }),
    [rows, labels, animation],
  );

  return (
    <div class="charts">
      <figure>
        <figcaption>{t('chart.counts')}</figcaption>
        <ChartCanvas config={counts} label={t('chart.counts_label')} testId="chart-counts" />
      </figure>
      <figure>
        <figcaption>{t('chart.on_time')}</figcaption>
        <ChartCanvas config={rates} label={t('chart.on_time_label')} testId="chart-on-time" />
      </figure>
      <details class="data-table">
        <summary>{t('chart.as_table')}</summary>
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('chart.as_table')}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('chart.period')}</th>
                <th scope="col">{t('metric.received')}</th>
                <th scope="col">{t('metric.resolved')}</th>
                <th scope="col">{t('metric.on_time_rate')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.key}>
                  <th scope="row">{labels[i]}</th>
                  <td class="num">{formatNumber(row.received)}</td>
                  <td class="num">{formatNumber(row.resolved)}</td>
                  <td class="num">{row.on_time_rate === null ? t('value.none') : formatPercent(row.on_time_rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
