// The IOC dashboard: a period's headline figures, the commune map, charts over time, the units'
// league table and the live feed; live events refresh the figures without a reload.

import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { asApiError, downloadStats, statsCommunes, statsSummary, statsTimeseries, statsUnits } from '../api';
import type { ApiError, StatsQuery } from '../api';
import { CategorySelect, CommuneSelect } from '../components/ReferenceSelects';
import { CommuneMap } from '../components/CommuneMap';
import { ErrorMessage, Loading } from '../components/Feedback';
import { Figures } from '../components/Figures';
import { LeagueTable } from '../components/LeagueTable';
import { LiveFeed } from '../components/LiveFeed';
import { TimeSeriesChart } from '../components/TimeSeriesChart';
import type { Interval } from '../components/TimeSeriesChart';
import { addDays, daysBetween, formatTime, hueToday } from '../format';
import { useAsync, useThrottled } from '../../common/hooks';
import { t } from '../i18n';
import { useLiveEvents } from '../live';
import { MAP_METRICS, METRICS } from '../metrics';
import type { MetricKey } from '../metrics';
import { useReference } from '../reference';
import type { LiveEvent } from '../../common/types';

interface Period {
  from: string;
  to: string;
  category: string;
  commune: string;
}

/** The default period: the last 30 days, today included (Huế dates). */
function lastThirtyDays(): Period {
  const today = hueToday();
  return { from: addDays(today, -29), to: today, category: '', commune: '' };
}

/** A readable number of bars for a period: days up to two months, then weeks up to a year. */
function intervalFor(period: Period): Interval {
  const days = daysBetween(period.from, period.to);
  return days <= 62 ? 'day' : days <= 366 ? 'week' : 'month';
}

/** Events kept in the live feed. */
const FEED_LENGTH = 20;
/** Live events refresh the figures at most this often. */
const REFRESH_MS = 2000;

const UNIT_COLUMNS: MetricKey[] = [
  'received',
  'resolved',
  'open_backlog',
  'overdue_now',
  'on_time_rate',
  'time_to_resolve',
  'mean_rating',
  'transfer_rate',
];
const COMMUNE_COLUMNS: MetricKey[] = [
  'received',
  'resolved',
  'open_backlog',
  'overdue_now',
  'on_time_rate',
  'mean_rating',
  'engagement',
  'reporters',
];

function Section({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <section class="panel" aria-labelledby={id}>
      <div class="panel__head">
        <h2 id={id}>{title}</h2>
        {actions && <div class="panel__actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

export function DashboardPage() {
  const reference = useReference().data;
  const [period, setPeriod] = useState(lastThirtyDays);
  const [interval, setSeriesInterval] = useState<Interval>('day');
  const [metricKey, setMetricKey] = useState<MetricKey>('received');
  const [feed, setFeed] = useState<LiveEvent[]>([]);
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);

  const { from, to, category, commune } = period;
  const query = useMemo<StatsQuery>(() => ({ from, to, category, commune }), [from, to, category, commune]);
  const summary = useAsync(() => statsSummary(query), [query]);
  // The map shows every commune; the commune filter is outlined on it rather than applied.
  const mapQuery = useMemo<StatsQuery>(() => ({ from, to, category, commune: '' }), [from, to, category]);
  const communes = useAsync(() => statsCommunes(mapQuery), [mapQuery]);
  const units = useAsync(() => statsUnits(query), [query]);
  // The answer keeps the period and interval it is for, so that the chart never mixes two.
  const series = useAsync(
    () => statsTimeseries(query, interval).then((answer) => ({ from, to, interval, items: answer.items })),
    [query, from, to, interval],
  );

  // Live events load every figure again.
  const refresh = useThrottled(() => {
    summary.reload();
    communes.reload();
    units.reload();
    series.reload();
  }, REFRESH_MS);
  const live = useLiveEvents((event) => {
    setFeed((events) => [event, ...events].slice(0, FEED_LENGTH));
    refresh();
  }, refresh);

  async function csv(...args: Parameters<typeof downloadStats>) {
    setDownloadError(null);
    try {
      await downloadStats(...args);
    } catch (failure) {
      setDownloadError(asApiError(failure));
    }
  }

  function update(change: Partial<Period>) {
    const next = { ...period, ...change };
    setPeriod(next);
    if (change.from || change.to) setSeriesInterval(intervalFor(next));
  }
  const metric = METRICS[metricKey];

  return (
    <section aria-labelledby="dashboard-title" class="dashboard">
      <div class="page-head">
        <h1 id="dashboard-title">{t('dashboard.title')}</h1>
        <p class="muted">{t('dashboard.intro')}</p>
      </div>

      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('dashboard.filters')}>
        <div class="field">
          <label for="period-from">{t('filter.from')}</label>
          <input
            id="period-from"
            type="date"
            value={period.from}
            max={period.to}
            onChange={(e) => e.currentTarget.value && update({ from: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="period-to">{t('filter.to')}</label>
          <input
            id="period-to"
            type="date"
            value={period.to}
            min={period.from}
            onChange={(e) => e.currentTarget.value && update({ to: e.currentTarget.value })}
          />
        </div>
        <CategorySelect
          id="stats-category"
          value={period.category}
          reference={reference}
          onChange={(category) => update({ category })}
        />
        <CommuneSelect
          id="stats-commune"
          value={period.commune}
          reference={reference}
          onChange={(commune) => update({ commune })}
        />
        <div class="filters__actions">
          <button
            type="button"
            class="button button--quiet"
            onClick={() => {
              setPeriod(lastThirtyDays());
              setSeriesInterval('day');
            }}
          >
            {t('filter.reset')}
          </button>
        </div>
      </form>

      {downloadError && <ErrorMessage error={downloadError} testId="download-error" />}

      <Section id="figures-title" title={t('dashboard.figures')}>
        {summary.error && <ErrorMessage error={summary.error} onRetry={summary.reload} />}
        {summary.data ? <Figures figures={summary.data} /> : !summary.error && <Loading />}
        {summary.loadedAt !== null && (
          <p class="muted" data-testid="updated-at">
            {t('dashboard.updated', { time: formatTime(new Date(summary.loadedAt).toISOString()) })}
          </p>
        )}
      </Section>

      <div class="dashboard__grid">
        <Section
          id="map-title"
          title={t('dashboard.map')}
          actions={
            <div class="field field--inline">
              <label for="map-metric">{t('dashboard.metric')}</label>
              <select
                id="map-metric"
                value={metricKey}
                onChange={(e) => setMetricKey(e.currentTarget.value as MetricKey)}
                data-testid="map-metric"
              >
                {MAP_METRICS.map((k) => (
                  <option key={k} value={k}>
                    {t(METRICS[k].label)}
                  </option>
                ))}
              </select>
            </div>
          }
        >
          {communes.error && <ErrorMessage error={communes.error} onRetry={communes.reload} />}
          {communes.data ? (
            <>
              <CommuneMap data={communes.data} metric={metric} selected={period.commune} />
              <details class="data-table">
                <summary>{t('dashboard.communes_table')}</summary>
                <div class="panel__actions">
                  <button type="button" class="button" onClick={() => void csv('communes', mapQuery)}>
                    {t('action.download_csv')}
                  </button>
                </div>
                <LeagueTable
                  rows={communes.data.features.map((f) => f.properties)}
                  columns={COMMUNE_COLUMNS}
                  nameLabel={t('ticket.commune')}
                  caption={t('dashboard.communes_table')}
                  testId="communes-table"
                />
              </details>
            </>
          ) : (
            !communes.error && <Loading />
          )}
        </Section>

        <Section id="live-title" title={t('dashboard.live')}>
          <LiveFeed events={feed} state={live} reference={reference} />
        </Section>
      </div>

      <Section
        id="series-title"
        title={t('dashboard.series')}
        actions={
          <>
            <div class="field field--inline">
              <label for="series-interval">{t('dashboard.interval')}</label>
              <select
                id="series-interval"
                value={interval}
                onChange={(e) => setSeriesInterval(e.currentTarget.value as Interval)}
              >
                <option value="day">{t('interval.day')}</option>
                <option value="week">{t('interval.week')}</option>
                <option value="month">{t('interval.month')}</option>
              </select>
            </div>
            <button type="button" class="button" onClick={() => void csv('timeseries', { ...query, interval })}>
              {t('action.download_csv')}
            </button>
          </>
        }
      >
        {series.error && <ErrorMessage error={series.error} onRetry={series.reload} />}
        {series.data ? (
          <TimeSeriesChart
            data={series.data.items}
            from={series.data.from}
            to={series.data.to}
            interval={series.data.interval}
          />
        ) : (
          !series.error && <Loading />
        )}
      </Section>

      <Section
        id="units-title"
        title={t('dashboard.units')}
        actions={
          <button type="button" class="button" data-testid="units-csv" onClick={() => void csv('units', query)}>
            {t('action.download_csv')}
          </button>
        }
      >
        {units.error && <ErrorMessage error={units.error} onRetry={units.reload} />}
        {units.data ? (
          units.data.items.length > 0 ? (
            <LeagueTable
              rows={units.data.items}
              columns={UNIT_COLUMNS}
              nameLabel={t('ticket.unit')}
              caption={t('dashboard.units')}
              testId="units-table"
            />
          ) : (
            <p class="muted">{t('dashboard.no_units')}</p>
          )
        ) : (
          !units.error && <Loading />
        )}
      </Section>
    </section>
  );
}
