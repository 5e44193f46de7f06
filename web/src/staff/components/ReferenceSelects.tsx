// The category and commune pickers that the inbox and the dashboard filter by.

import { nameOf, t } from '../i18n';
import type { Reference } from '../reference';

interface SelectProps {
  id: string;
  value: string;
  reference: Reference | undefined;
  onChange: (value: string) => void;
}

/** A labelled choice of category, "all categories" first. */
export function CategorySelect({ id, value, reference, onChange }: SelectProps) {
  return (
    <div class="field">
      <label for={id}>{t('filter.category')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('filter.all_categories')}</option>
        {reference?.categories.map((c) => (
          <option key={c.code} value={c.code}>
            {nameOf(c)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled choice of commune or ward, "all communes" first. */
export function CommuneSelect({ id, value, reference, onChange }: SelectProps) {
  return (
    <div class="field">
      <label for={id}>{t('filter.commune')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('filter.all_communes')}</option>
        {reference?.communes.map((c) => (
          <option key={c.code} value={c.code}>
            {nameOf({ name: c.full_name, name_en: c.full_name_en })}
          </option>
        ))}
      </select>
    </div>
  );
}
