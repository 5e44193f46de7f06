// How a ticket stands: its status, its escalation and its running deadline.

import { dueText, formatDateTime } from '../format';
import { t } from '../i18n';
import type { Status } from '../../common/types';

export function StatusBadge({ status, testId }: { status: Status; testId?: string }) {
  return (
    <span class={`badge badge--${status}`} data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

/** The escalation level (0 to 3), empty at 0. */
export function EscalationBadge({ level }: { level: number }) {
  if (level <= 0) return null;
  const key = level >= 3 ? 'escalation.3' : level === 2 ? 'escalation.2' : 'escalation.1';
  return (
    <span class={`badge badge--escalation-${Math.min(level, 3)}`} title={t('escalation.title')}>
      {t(key)}
    </span>
  );
}

/** "còn 2 giờ 15 phút" / "quá hạn 3 ngày", with the exact time for those who hover or read it. */
export function DueCountdown({ dueAt, now }: { dueAt: string | null | undefined; now: number }) {
  if (!dueAt) return <span class="muted">{t('due.none')}</span>;
  const due = dueText(dueAt, now);
  return (
    <time dateTime={dueAt} class={due.overdue ? 'due due--overdue' : 'due'} title={formatDateTime(dueAt)}>
      {due.text}
    </time>
  );
}
