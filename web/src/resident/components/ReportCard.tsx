// A report in a list: its photo, category, status, age and support, linking to its page.

import type { ComponentChildren } from 'preact';
import { nameOf } from '../../common/locale';
import type { PublicReport, Status } from '../../common/types';
import { formatAge, formatDistance } from '../format';
import { paths } from '../router';
import { t, statusLabel } from '../strings';

export function StatusBadge({ status }: { status: Status }) {
  return <span class={`status status--${status}`}>{statusLabel(status)}</span>;
}

/** `children`: what the list adds under the report (a button, a countdown). */
export function ReportCard({ report, distance, children }: { report: PublicReport; distance?: number; children?: ComponentChildren }) {
  const thumb = report.photos[0]?.thumb;
  const category = nameOf({ name: report.category_name, name_en: report.category_name_en });
  return (
    <li class="card" data-testid="report-card" data-id={report.id}>
      {thumb ? (
        <img class="card-thumb" src={thumb.url} width={thumb.width} height={thumb.height} alt="" loading="lazy" decoding="async" />
      ) : (
        <span class="card-thumb card-thumb--none" aria-hidden="true" />
      )}
      <div class="card-body">
        <a class="card-title" href={paths.detail(report.id)}>
          {category}
        </a>
        <p class="card-text">{report.text_hidden && !report.description ? <em>{t('report.text_hidden')}</em> : report.description}</p>
        <p class="card-meta">
          <StatusBadge status={report.status} /> <span>{formatAge(report.created_at)}</span>
          {distance !== undefined && <span> · {formatDistance(distance)}</span>}
          {report.support_count > 0 && <span> · {t('support.count', { count: report.support_count })}</span>}
        </p>
        {children}
      </div>
    </li>
  );
}
