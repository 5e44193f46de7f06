// Picks one of the unit's response templates and inserts its text into a public answer.

import { useState } from 'preact/hooks';
import { listTemplates } from '../api';
import { useAsync } from '../../common/hooks';
import { t } from '../i18n';
import type { Template } from '../../common/types';

const cache = new Map<string, Promise<Template[]>>();

function templatesOf(unit: string): Promise<Template[]> {
  let templates = cache.get(unit);
  if (!templates) {
    templates = listTemplates(unit).then(
      (page) => page.items,
      (error: unknown) => {
        cache.delete(unit);
        throw error;
      },
    );
    cache.set(unit, templates);
  }
  return templates;
}

export function TemplatePicker({
  unit,
  idPrefix,
  onInsert,
}: {
  unit: string;
  idPrefix: string;
  onInsert: (body: string) => void;
}) {
  const templates = useAsync(() => templatesOf(unit), [unit]);
  const [chosen, setChosen] = useState('');
  const id = `${idPrefix}-template`;

  if (templates.loading) return null;
  if (templates.error) return <p class="muted">{t('templates.unavailable')}</p>;
  const list = templates.data ?? [];
  if (list.length === 0) return <p class="muted">{t('templates.none')}</p>;
  const template = list.find((item) => item.id === chosen);
  return (
    <div class="template-picker">
      <div class="field">
        <label for={id}>{t('templates.label')}</label>
        <select id={id} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
          <option value="">{t('templates.choose')}</option>
          {list.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
        </select>
      </div>
      <button type="button" class="button" disabled={!template} onClick={() => template && onInsert(template.body)}>
        {t('templates.insert')}
      </button>
    </div>
  );
}
