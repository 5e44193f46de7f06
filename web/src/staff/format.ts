// Dates, numbers and durations for people: always in Huế time, in the language of the interface.

import { getLocale, t } from './i18n';

export const HUE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function intlLocale(): string {
  return getLocale() === 'vi' ? 'vi-VN' : 'en-GB';
}

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n${intlLocale()}${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(), options);
    formatters.set(key, format);
  }
  return format as Intl.NumberFormat;
}

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d${intlLocale()}${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(), { timeZone: HUE_TIME_ZONE, ...options });
    formatters.set(key, format);
  }
  return format as Intl.DateTimeFormat;
}

/** "20:09 27/11/2026" (vi), "27/11/2026, 20:09" (en) */
export function formatDateTime(iso: string): string {
  return dateFormat({ day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** "20:09:05", for the live feed. */
export function formatTime(iso: string): string {
  return dateFormat({ timeStyle: 'medium' }).format(new Date(iso));
}

export function formatNumber(value: number, maximumFractionDigits = 0): string {
  return numberFormat({ maximumFractionDigits }).format(value);
}

/** A rate from 0 to 1 as a percentage. */
export function formatPercent(rate: number): string {
  return numberFormat({ style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** A duration given in hours: minutes below one hour ("12 phút"), else hours ("1,5 giờ"). */
export function formatHours(hours: number): string {
  if (hours < 1) {
    return numberFormat({ style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 0 }).format(
      Math.round(hours * 60),
    );
  }
  return numberFormat({ style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(hours);
}

/** The number of days from `from` to `to` (`YYYY-MM-DD`), both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

function formatUnit(value: number, unit: 'day' | 'hour' | 'minute'): string {
  return numberFormat({ style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A length of time in its two largest units: "3 ngày 4 giờ", "2 hours 15 minutes". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / MINUTE);
  if (minutes < 60) return formatUnit(Math.max(minutes, 1), 'minute');
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  if (days === 0) {
    const rest = minutes % 60;
    return rest === 0 ? formatUnit(hours, 'hour') : `${formatUnit(hours, 'hour')} ${formatUnit(rest, 'minute')}`;
  }
  return hours === 0 ? formatUnit(days, 'day') : `${formatUnit(days, 'day')} ${formatUnit(hours, 'hour')}`;
}

/** How a deadline stands at `now`: "còn 2 giờ 15 phút" or "quá hạn 3 ngày". */
export function dueText(dueAt: string, now: number): { text: string; overdue: boolean } {
  const left = new Date(dueAt).getTime() - now;
  if (left >= 0) return { text: t('due.left', { time: formatDuration(left) }), overdue: false };
  return { text: t('due.overdue', { time: formatDuration(-left) }), overdue: true };
}

/** Today's date in Huế, as `YYYY-MM-DD` (the form of date inputs and of the statistics' days). */
export function hueToday(): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: HUE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `day` (`YYYY-MM-DD`) moved by `days`. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The first days of the periods of a time series from `from` to `to` (`YYYY-MM-DD`, both
 * included): every day, every Monday (weeks start on Monday), or every first of the month.
 */
export function periodsOf(from: string, to: string, interval: 'day' | 'week' | 'month'): string[] {
  const start = new Date(`${from}T00:00:00Z`);
  if (interval === 'week') start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  if (interval === 'month') start.setUTCDate(1);
  const end = `${to}T00:00:00Z`;
  const periods: string[] = [];
  for (const day = start; day.getTime() <= Date.parse(end);) {
    periods.push(day.toISOString().slice(0, 10));
    if (interval === 'day') day.setUTCDate(day.getUTCDate() + 1);
    else if (interval === 'week') day.setUTCDate(day.getUTCDate() + 7);
    else day.setUTCMonth(day.getUTCMonth() + 1);
  }
  return periods;
}

/** The label of a period of a time series, from its first day: "30/10", "Tuần 02/11", "Th11 2026". */
export function formatPeriod(day: string, interval: 'day' | 'week' | 'month'): string {
  if (interval === 'month') {
    return new Intl.DateTimeFormat(intlLocale(), { timeZone: 'UTC', month: 'short', year: 'numeric' }).format(
      new Date(`${day}T00:00:00Z`),
    );
  }
  // Both languages of the interface write day before month.
  const [, month = '', date = ''] = day.split('-');
  const label = `${date}/${month}`;
  return interval === 'week' ? t('period.week', { day: label }) : label;
}
