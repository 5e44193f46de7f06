// The headline figures of a period. Each value carries `data-testid="figure-<key>"` and its raw
// number in `data-value` (empty when the figure has no value).

import type { ComponentChildren } from 'preact';
import { formatHours, formatNumber, formatPercent } from '../format';
import { t } from '../i18n';
import { METRICS, formatMetric } from '../metrics';
import type { Metric, MetricKey } from '../metrics';
import type { Durations, Figures as FigureValues } from '../../common/types';

function Figure({
  metric,
  figures,
  children,
}: {
  metric: Metric;
  figures: FigureValues;
  children?: ComponentChildren;
}) {
  const value = metric.value(figures);
  return (
    <div class={`figure figure--${metric.key}`}>
      <dt class="figure__label">{t(metric.label)}</dt>
      <dd class="figure__value" data-testid={`figure-${metric.key}`} data-value={value === null ? '' : String(value)}>
        {formatMetric(metric, figures)}
        {value === null && <span class="sr-only"> {t('value.no_data')}</span>}
      </dd>
      {children && <dd class="figure__detail">{children}</dd>}
    </div>
  );
}

function durationDetail(durations: Durations): string {
  const p90 = durations.p90_working_h == null ? t('value.none') : formatHours(durations.p90_working_h);
  return t('figures.duration_detail', { p90, count: formatNumber(durations.count) });
}

function rate(value: number | null | undefined): string {
  return value == null ? t('value.none') : formatPercent(value);
}

const HEADLINE: MetricKey[] = ['received', 'resolved', 'open_backlog', 'overdue_now'];

export function Figures({ figures }: { figures: FigureValues }) {
  const engagement = figures.engagement;
  return (
    <dl class="figures" data-testid="figures">
      {HEADLINE.map((key) => (
        <Figure key={key} metric={METRICS[key]} figures={figures} />
      ))}
      <Figure metric={METRICS.on_time_rate} figures={figures} />
      <Figure metric={METRICS.resolution_rate} figures={figures} />
      <Figure metric={METRICS.time_to_accept} figures={figures}>
        {durationDetail(figures.time_to_accept)}
      </Figure>
      <Figure metric={METRICS.time_to_resolve} figures={figures}>
        {durationDetail(figures.time_to_resolve)}
      </Figure>
      <Figure metric={METRICS.mean_rating} figures={figures}>
        {t('figures.rating_detail', {
          count: formatNumber(figures.ratings),
          share: rate(figures.share_ratings_4_or_more),
        })}
      </Figure>
      <Figure metric={METRICS.engagement} figures={figures}>
        {engagement &&
          t('figures.engagement_detail', {
            participation:
              engagement.participation == null ? t('value.none') : formatNumber(engagement.participation, 0),
            basis: t(`figures.basis.${engagement.participation_basis}`),
          })}
      </Figure>
      <Figure metric={METRICS.transfer_rate} figures={figures}>
        {t('figures.hops_detail', { hops: formatNumber(figures.hops) })}
      </Figure>
      <Figure metric={METRICS.reopen_rate} figures={figures} />
      <Figure metric={METRICS.reporters} figures={figures} />
    </dl>
  );
}
