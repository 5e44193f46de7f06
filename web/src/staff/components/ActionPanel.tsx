// The actions the server allows this caller now (`allowed_actions`), each with the form the server
// says it takes (`action_forms`: its required fields, then the optional ones, the table that
// `TransitionRequest::validate` applies). Nothing is checked here: what is sent is what was
// written, and a refusal shows in the server's words.

import { useEffect, useRef, useState } from 'preact/hooks';
import { asApiError, listStaff, transition } from '../api';
import type { ApiError } from '../api';
import { useAsync } from '../../common/hooks';
import { nameOf, t } from '../i18n';
import type {
  Action,
  Person,
  Photo,
  StaffAccount,
  TicketDetail,
  TransitionField,
  TransitionRequest,
  Unit,
  User,
} from '../../common/types';
import { ErrorMessage } from './Feedback';
import { PhotoUploader } from './PhotoUploader';
import { TemplatePicker } from './TemplatePicker';

/** The fields of a transition besides its action. */
type Field = TransitionField;
type Values = Record<Field, string>;

/** The action whose form also takes the "after" photos (uploaded as the form is filled in). */
const WITH_PHOTOS: Action = 'resolve';

/** The order fields are shown in: what the action is about first, then the texts. */
const FIELD_ORDER: Field[] = ['to_unit', 'duplicate_of', 'assignee', 'public_answer', 'note'];
const shown = (fields: readonly Field[] | undefined) =>
  [...(fields ?? [])].sort((a, b) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b));

const EMPTY: Values = { note: '', public_answer: '', to_unit: '', duplicate_of: '', assignee: '' };

/** The label of a text field, which depends on what the action does with it. */
function textLabel(action: Action, field: 'note' | 'public_answer'): string {
  if (field === 'public_answer') {
    if (action === 'ask_citizen' || action === 'resolve' || action === 'reject')
      return t(`form.public_answer.${action}`);
    return t('form.public_answer');
  }
  if (action === 'transfer' || action === 'reopen') return t(`form.note.${action}`);
  return t('form.note');
}

/** Who a ticket can be assigned to: the unit's staff the app knows of. */
function useAssignees(ticket: TicketDetail, user: User, enabled: boolean): Person[] {
  const unit = ticket.unit.code;
  const accounts = useAsync(
    () => (enabled && user.role === 'admin' ? listStaff(unit) : Promise.resolve<StaffAccount[]>([])),
    [unit, enabled, user.role],
  );
  const people = new Map<string, string>();
  const add = (id: string | undefined, name: string | undefined) => {
    if (id && name && !people.has(id)) people.set(id, name);
  };
  if ((user.role === 'officer' || user.role === 'unit_manager') && user.unit === unit) add(user.id, user.full_name);
  add(ticket.assignee?.id, ticket.assignee?.full_name);
  for (const account of accounts.data ?? []) {
    if (!account.disabled && (account.role === 'officer' || account.role === 'unit_manager'))
      add(account.id, account.full_name);
  }
  for (const event of ticket.events) {
    const actor = event.actor;
    if (
      event.unit === unit &&
      event.kind !== 'transfer' &&
      (actor?.role === 'officer' || actor?.role === 'unit_manager')
    ) {
      add(actor.id, actor.full_name);
    }
  }
  return [...people].map(([id, full_name]) => ({ id, full_name }));
}

export function ActionPanel({
  ticket,
  user,
  units,
  afterPhotos,
  onUpdated,
  onPhotoUploaded,
}: {
  ticket: TicketDetail;
  user: User;
  units: Unit[];
  afterPhotos: Photo[];
  onUpdated: (ticket: TicketDetail, action: Action) => void;
  onPhotoUploaded: (photo: Photo) => void;
}) {
  const [action, setAction] = useState<Action | null>(null);
  const [values, setValues] = useState<Values>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const assignees = useAssignees(ticket, user, action === 'assign');
  const allowed = ticket.allowed_actions;

  // An action the ticket no longer allows (someone else acted) closes its form.
  const stillAllowed = action !== null && allowed.includes(action);
  useEffect(() => {
    if (action && !stillAllowed) setAction(null);
  }, [action, stillAllowed]);

  function choose(next: Action) {
    setAction(next === action ? null : next);
    setValues(EMPTY);
    setError(null);
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (!action) return;
    const form = ticket.action_forms[action];
    const body: TransitionRequest = { action };
    for (const field of [...(form?.required ?? []), ...(form?.optional ?? [])]) {
      const value = values[field].trim();
      if (value) body[field] = value;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await transition(ticket.id, body);
      setAction(null);
      setValues(EMPTY);
      onUpdated(updated, action);
      heading.current?.focus();
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  const set = (field: Field) => (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement }) =>
    setValues({ ...values, [field]: e.currentTarget.value });

  function textField(chosen: Action, field: 'note' | 'public_answer', required: boolean) {
    const id = `action-${field}`;
    return (
      <div class="field" key={field}>
        <label for={id}>
          {textLabel(chosen, field)}
          {required ? (
            <span class="required"> {t('form.required_mark')}</span>
          ) : (
            <span class="muted"> {t('form.optional')}</span>
          )}
        </label>
        {field === 'public_answer' && (
          <TemplatePicker
            unit={ticket.unit.code}
            idPrefix={id}
            onInsert={(text) =>
              setValues({
                ...values,
                public_answer: values.public_answer.trim() ? `${values.public_answer.trimEnd()}\n\n${text}` : text,
              })
            }
          />
        )}
        <textarea
          id={id}
          rows={field === 'public_answer' ? 5 : 3}
          maxLength={4000}
          value={values[field]}
          onInput={set(field)}
          data-testid={`field-${field}`}
        />
      </div>
    );
  }

  function renderField(chosen: Action, field: Field, required: boolean) {
    switch (field) {
      case 'note':
      case 'public_answer':
        return textField(chosen, field, required);
      case 'to_unit':
        return (
          <div class="field" key={field}>
            <label for="action-to_unit">{t('form.to_unit')}</label>
            <select id="action-to_unit" value={values.to_unit} onChange={set('to_unit')}>
              <option value="">{t('form.choose_unit')}</option>
              {units
                .filter((u) => u.code !== ticket.unit.code)
                .map((u) => (
                  <option key={u.code} value={u.code}>
                    {nameOf(u)}
                  </option>
                ))}
            </select>
          </div>
        );
      case 'duplicate_of':
        return (
          <div class="field" key={field}>
            <label for="action-duplicate_of">{t('form.duplicate_of')}</label>
            <p class="hint" id="action-duplicate_of-hint">
              {t('form.duplicate_of_hint')}
            </p>
            <input
              id="action-duplicate_of"
              value={values.duplicate_of}
              onInput={set('duplicate_of')}
              autocomplete="off"
              spellcheck={false}
              aria-describedby="action-duplicate_of-hint"
            />
          </div>
        );
      case 'assignee':
        return (
          <div class="field" key={field}>
            <label for="action-assignee">{t('form.assignee')}</label>
            <select id="action-assignee" value={values.assignee} onChange={set('assignee')}>
              <option value="">{t('form.choose_person')}</option>
              {assignees.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.id === user.id ? t('form.assign_me', { name: person.full_name }) : person.full_name}
                </option>
              ))}
            </select>
          </div>
        );
    }
  }

  return (
    <section class="panel" aria-labelledby="actions-title" data-testid="actions">
      <h2 id="actions-title" ref={heading} tabIndex={-1}>
        {t('ticket.actions')}
      </h2>
      {allowed.length === 0 ? (
        <p class="muted">{t('ticket.no_actions')}</p>
      ) : (
        <div class="action-buttons" role="group" aria-label={t('ticket.actions')}>
          {allowed.map((item) => (
            <button
              type="button"
              key={item}
              class={item === action ? 'button button--primary' : 'button'}
              aria-expanded={item === action}
              aria-controls="action-form"
              data-testid={`action-${item}`}
              onClick={() => choose(item)}
            >
              {t(`action.${item}`)}
            </button>
          ))}
        </div>
      )}
      {action && (
        <form id="action-form" class="form action-form" onSubmit={submit} noValidate data-action={action}>
          <h3>{t(`action.${action}`)}</h3>
          <p class="hint">{t(`action_hint.${action}`)}</p>
          {action === WITH_PHOTOS && (
            <PhotoUploader
              ticketId={ticket.id}
              photos={afterPhotos}
              inputId="action-photos"
              onUploaded={onPhotoUploaded}
            />
          )}
          {shown(ticket.action_forms[action]?.required).map((field) => renderField(action, field, true))}
          {shown(ticket.action_forms[action]?.optional).map((field) => renderField(action, field, false))}
          {error && <ErrorMessage error={error} testId="action-error" />}
          <div class="form__buttons">
            <button type="submit" class="button button--primary" disabled={busy} data-testid="action-submit">
              {busy ? t('state.saving') : t('form.submit', { action: t(`action.${action}`) })}
            </button>
            <button type="button" class="button button--quiet" onClick={() => setAction(null)}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
