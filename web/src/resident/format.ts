// How the residents' app writes times, ages, distances and deadlines (Huế time, the interface
// language).

import { getLocale } from '../common/locale';
import { t } from './strings';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Made once per language: building an Intl formatter costs far more than using one, and a list
// formats a time for every card at every render.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function once<T>(cache: Map<string, T>, locale: string, make: () => T): T {
  let format = cache.get(locale);
  if (!format) {
    format = make();
    cache.set(locale, format);
  }
  return format;
}

export function formatDateTime(iso: string): string {
  const locale = getLocale() === 'en' ? 'en-GB' : 'vi-VN';
  return once(dateTimeFormats, locale, () => new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' })).format(
    new Date(iso),
  );
}

/** "3 minutes ago", "2 days ago"... */
export function formatAge(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const locale = getLocale();
  const format = once(relativeFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'minute');
}

export function formatDistance(metres: number): string {
  return metres < 1000 ? `${Math.round(metres)} m` : `${(metres / 1000).toFixed(1)} km`;
}

/** The time left until `due` ("2 giờ 5 phút"), or how late it is. */
export function dueText(due: string, now: number = Date.now()): { text: string; late: boolean } {
  const minutes = Math.round((new Date(due).getTime() - now) / 60_000);
  const late = minutes < 0;
  const left = Math.abs(minutes);
  const days = Math.floor(left / 1440);
  const hours = Math.floor((left % 1440) / 60);
  const mins = left % 60;
  const span =
    days > 0 ? t('due.days_hours', { days, hours }) : hours > 0 ? t('due.hours_minutes', { hours, minutes: mins }) : t('due.minutes', { minutes: mins });
  return { text: late ? t('due.late', { span }) : t('due.left', { span }), late };
}
