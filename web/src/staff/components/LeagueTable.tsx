// A table of figures per row (units, communes), sortable by any column; rows without a value in
// the sorted column go last.

import { useState } from 'preact/hooks';
import { nameOf, t } from '../i18n';
import { METRICS, formatMetric } from '../metrics';
import type { MetricKey } from '../metrics';
import type { BreakdownRow } from '../../common/types';

type SortKey = 'name' | MetricKey;

export function LeagueTable({
  rows,
  columns,
  nameLabel,
  caption,
  testId,
}: {
  rows: BreakdownRow[];
  columns: MetricKey[];
  nameLabel: string;
  caption: string;
  testId: string;
}) {
  /** `null`: the server's order (for units, the best on-time rate first). */
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean } | null>(null);
  const name = (row: BreakdownRow) => nameOf({ name: row.name ?? row.key, name_en: row.name_en ?? row.key });

  const sorted = [...rows];
  if (sort) {
    const direction = sort.descending ? -1 : 1;
    if (sort.key === 'name') {
      sorted.sort((a, b) => direction * name(a).localeCompare(name(b), 'vi'));
    } else {
      const metric = METRICS[sort.key];
      sorted.sort((a, b) => {
        const x = metric.value(a);
        const y = metric.value(b);
        if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
        return direction * (x - y);
      });
    }
  }

  function toggle(key: SortKey) {
    // Names start A to Z; figures start with the largest.
    if (sort?.key === key) setSort({ key, descending: !sort.descending });
    else setSort({ key, descending: key !== 'name' });
  }

  function header(key: SortKey, label: string) {
    const order = sort && sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined;
    return (
      <th scope="col" key={key} aria-sort={order} class={key === 'name' ? undefined : 'num'}>
        <button type="button" class="sort" onClick={() => toggle(key)}>
          {label}
          <span class="sort__icon" aria-hidden="true">
            {order === 'descending' ? '▼' : order === 'ascending' ? '▲' : '↕'}
          </span>
        </button>
      </th>
    );
  }

  return (
    <div class="table-wrap table-wrap--tall" tabIndex={0} role="region" aria-label={caption}>
      <table class="table table--league" data-testid={testId}>
        <caption class="sr-only">
          {caption} {t('table.sort_hint')}
        </caption>
        <thead>
          <tr>
            {header('name', nameLabel)}
            {columns.map((key) => header(key, t(METRICS[key].label)))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{name(row)}</th>
              {columns.map((key) => (
                <td key={key} class="num">
                  {formatMetric(METRICS[key], row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
