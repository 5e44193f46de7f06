// The interface language of both apps: Vietnamese by default, English on request, remembered in
// localStorage. Each app keeps its own strings (staff/i18n.ts, resident/strings.ts; those they
// share are common/strings.ts) and reads the language from here.

import { createStore, useStore } from './store';

export type Locale = 'vi' | 'en';

const STORAGE_KEY = 'ht.locale';

function stored(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

const locale = createStore<Locale>(stored());

export function getLocale(): Locale {
  return locale.get();
}

export function setLocale(next: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
  document.documentElement.lang = next;
  locale.set(next);
}

/** The current language; re-renders the component when it changes. */
export function useLocale(): Locale {
  return useStore(locale);
}

/** The name of a category, commune or unit in the current language. */
export function nameOf(item: { name: string; name_en: string }): string {
  return locale.get() === 'en' ? item.name_en : item.name;
}

/** A translator over two dictionaries of the same keys; placeholders are `{name}`. */
export function translator<K extends string>(vi: Record<K, string>, en: Record<K, string>) {
  return (key: K, values: Record<string, string | number> = {}): string => {
    const template = (locale.get() === 'en' ? en : vi)[key];
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
  };
}

if (typeof document !== 'undefined') document.documentElement.lang = locale.get();
