// The inbox: the unit's tickets (the whole city for the IOC), most pressing deadline first, with
// filters, live countdowns and keyset "load more"; refreshed when a live event concerns it.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { asApiError, exportTickets, listTickets } from '../api';
import type { ApiError, TicketQuery } from '../api';
import { CategorySelect, CommuneSelect } from '../components/ReferenceSelects';
import { Empty, ErrorMessage, Loading } from '../components/Feedback';
import { DueCountdown, EscalationBadge, StatusBadge } from '../components/Status';
import { formatDateTime, formatNumber, formatTime } from '../format';
import { useNow, useThrottled } from '../../common/hooks';
import { nameOf, t } from '../i18n';
import { useLiveEvents } from '../live';
import { useReference } from '../reference';
import { navigate, paths, replaceInboxHash } from '../router';
import { isCityWide } from '../session';
import { STATUSES } from '../../common/types';
import type { Status, Ticket, TicketPage, User } from '../../common/types';

const PAGE_SIZE = 50;
/** The API's largest page: a live refresh reloads at most this many rows. */
const MAX_PAGE = 200;

interface Filters {
  /** Words the tickets must say, or a tracking code (the API ranks the matches). */
  q: string;
  status: Status | '';
  category: string;
  commune: string;
  unit: string;
  overdue: boolean;
}

function filtersFrom(params: URLSearchParams): Filters {
  const status = params.get('status') ?? '';
  return {
    q: params.get('q') ?? '',
    status: (STATUSES as readonly string[]).includes(status) ? (status as Status) : '',
    category: params.get('category') ?? '',
    commune: params.get('commune') ?? '',
    unit: params.get('unit') ?? '',
    overdue: params.get('overdue') === 'true',
  };
}

/** The filters as the API's query (and the address's), without the empty ones. */
function queryOf(filters: Filters, cityWide: boolean): TicketQuery {
  return {
    q: filters.q.trim(),
    status: filters.status,
    category: filters.category,
    commune: filters.commune,
    unit: cityWide ? filters.unit : '',
    overdue: filters.overdue ? true : null,
  };
}

function paramsOf(query: TicketQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, String(value));
  return params;
}

type LoadKind = 'replace' | 'more' | 'refresh';

export function InboxPage({ user, params }: { user: User; params: URLSearchParams }) {
  const cityWide = isCityWide(user);
  const reference = useReference().data;
  const [filters, setFilters] = useState(() => filtersFrom(params));
  const [items, setItems] = useState<Ticket[]>([]);
  const [counts, setCounts] = useState<TicketPage['counts']>({});
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState<LoadKind | null>('replace');
  const [error, setError] = useState<ApiError | null>(null);
  const [refreshedAt, setRefreshedAt] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const latest = useRef(0);
  const now = useNow(30_000);
  const { q, status, category, commune, overdue } = filters;
  const unit = cityWide ? filters.unit : '';
  const query = useMemo(
    () => queryOf({ q, status, category, commune, unit, overdue }, cityWide),
    [q, status, category, commune, unit, overdue, cityWide],
  );

  async function load(kind: LoadKind) {
    const run = ++latest.current;
    setLoading(kind);
    setError(null);
    const limit = kind === 'refresh' ? Math.min(Math.max(items.length, PAGE_SIZE), MAX_PAGE) : PAGE_SIZE;
    try {
      const page = await listTickets({ ...query, limit, cursor: kind === 'more' ? nextCursor : null });
      if (run !== latest.current) return;
      setItems(kind === 'more' ? [...items, ...page.items] : page.items);
      setCounts(page.counts);
      setNextCursor(page.next_cursor ?? null);
      if (kind === 'refresh') setRefreshedAt(new Date().toISOString());
    } catch (failure) {
      if (run !== latest.current) return;
      setError(asApiError(failure));
    } finally {
      if (run === latest.current) setLoading(null);
    }
  }

  // A new address (the navigation's link, the history) brings its own filters.
  useEffect(() => setFilters(filtersFrom(params)), [params]);

  // New filters load the list anew, with this render's `load`: it reads the rows and the cursor
  // too, but only the filters start a new list.
  const latestLoad = useRef(load);
  latestLoad.current = load;
  useEffect(() => {
    replaceInboxHash(paths.inbox(paramsOf(query)));
    void latestLoad.current('replace');
  }, [query]);

  const refresh = useThrottled(() => void load('refresh'), 2000);
  useLiveEvents((event) => {
    const concerns = cityWide || event.unit === user.unit || items.some((item) => item.id === event.report_id);
    if (concerns) refresh();
  }, refresh);

  function update(change: Partial<Filters>) {
    setFilters({ ...filters, ...change });
  }

  async function exportCsv() {
    setExporting(true);
    setError(null);
    try {
      await exportTickets(query);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setExporting(false);
    }
  }

  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const shownStatuses = STATUSES.filter((s) => (counts[s] ?? 0) > 0 || s === filters.status);
  const unitName = (code: string) => {
    const unit = reference?.units.find((u) => u.code === code);
    return unit ? nameOf(unit) : code;
  };

  return (
    <section aria-labelledby="inbox-title">
      <div class="page-head">
        <h1 id="inbox-title">{t('inbox.title')}</h1>
        <p class="muted">
          {cityWide ? t('inbox.scope_city') : t('inbox.scope_unit', { unit: user.unit ? unitName(user.unit) : '' })}
        </p>
      </div>

      <div class="chips" role="group" aria-label={t('inbox.status_filter')} data-testid="status-filter">
        <button type="button" class="chip" aria-pressed={filters.status === ''} onClick={() => update({ status: '' })}>
          {t('inbox.all')} <span class="chip__count">{formatNumber(total)}</span>
        </button>
        {shownStatuses.map((status) => (
          <button
            type="button"
            key={status}
            class="chip"
            data-status={status}
            aria-pressed={filters.status === status}
            onClick={() => update({ status })}
          >
            {t(`status.${status}`)} <span class="chip__count">{formatNumber(counts[status] ?? 0)}</span>
          </button>
        ))}
      </div>

      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('inbox.filters')}>
        <div class="field">
          <label for="filter-q">{t('filter.search')}</label>
          <input
            id="filter-q"
            type="search"
            maxLength={200}
            value={filters.q}
            placeholder={t('filter.search_hint')}
            onChange={(e) => update({ q: e.currentTarget.value })}
          />
        </div>
        <CategorySelect
          id="filter-category"
          value={filters.category}
          reference={reference}
          onChange={(category) => update({ category })}
        />
        <CommuneSelect
          id="filter-commune"
          value={filters.commune}
          reference={reference}
          onChange={(commune) => update({ commune })}
        />
        {cityWide && (
          <div class="field">
            <label for="filter-unit">{t('filter.unit')}</label>
            <select id="filter-unit" value={filters.unit} onChange={(e) => update({ unit: e.currentTarget.value })}>
              <option value="">{t('filter.all_units')}</option>
              {reference?.units.map((u) => (
                <option key={u.code} value={u.code}>
                  {nameOf(u)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field field--check">
          <input
            id="filter-overdue"
            type="checkbox"
            checked={filters.overdue}
            onChange={(e) => update({ overdue: e.currentTarget.checked })}
          />
          <label for="filter-overdue">{t('filter.overdue_only')}</label>
        </div>
        <div class="filters__actions">
          <button type="button" class="button" disabled={exporting} onClick={() => void exportCsv()}>
            {exporting ? t('action.downloading') : t('inbox.export')}
          </button>
        </div>
      </form>

      <p class="sr-only" aria-live="polite" data-testid="inbox-announcer">
        {refreshedAt ? t('inbox.refreshed', { time: formatTime(refreshedAt) }) : ''}
      </p>

      {error && <ErrorMessage error={error} onRetry={() => void load('replace')} />}
      {loading === 'replace' && items.length === 0 && <Loading />}
      {loading !== 'replace' && !error && items.length === 0 && <Empty>{t('inbox.empty')}</Empty>}

      {items.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('inbox.table')}>
          <table class="table table--inbox" data-testid="inbox-table" aria-busy={loading !== null}>
            <caption class="sr-only">{t('inbox.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ticket.tracking_code')}</th>
                <th scope="col">{t('ticket.category')}</th>
                <th scope="col">{t('ticket.description')}</th>
                <th scope="col">{t('ticket.commune')}</th>
                {cityWide && <th scope="col">{t('ticket.unit')}</th>}
                <th scope="col">{t('ticket.status')}</th>
                <th scope="col">{t('ticket.due')}</th>
                <th scope="col">{t('ticket.escalation')}</th>
                <th scope="col" class="col-optional">
                  {t('ticket.received_at')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((ticket) => (
                <tr
                  key={ticket.id}
                  class={ticket.overdue ? 'row row--overdue' : 'row'}
                  data-testid="inbox-row"
                  data-tracking-code={ticket.tracking_code}
                  onClick={(e) => {
                    if (!(e.target instanceof HTMLAnchorElement)) navigate(paths.ticket(ticket.id));
                  }}
                >
                  <th scope="row">
                    <a href={paths.ticket(ticket.id)} class="code">
                      {ticket.tracking_code}
                    </a>
                    {ticket.urgent && <span class="badge badge--urgent">{t('ticket.urgent')}</span>}
                  </th>
                  <td data-label={t('ticket.category')}>
                    {nameOf({ name: ticket.category_name, name_en: ticket.category_name_en })}
                  </td>
                  <td class="cell-description" data-label={t('ticket.description')}>
                    <span class="clamp">{ticket.description}</span>
                  </td>
                  <td data-label={t('ticket.commune')}>{nameOf(ticket.commune)}</td>
                  {cityWide && <td data-label={t('ticket.unit')}>{nameOf(ticket.unit)}</td>}
                  <td data-label={t('ticket.status')}>
                    <StatusBadge status={ticket.status} />
                  </td>
                  <td data-label={t('ticket.due')}>
                    <DueCountdown dueAt={ticket.due_at} now={now} />
                  </td>
                  <td data-label={t('ticket.escalation')}>
                    <EscalationBadge level={ticket.escalation_level} />
                  </td>
                  <td class="col-optional" data-label={t('ticket.received_at')}>
                    <time dateTime={ticket.created_at}>{formatDateTime(ticket.created_at)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {items.length > 0 && (
        <div class="list-foot">
          <p class="muted">
            {t('inbox.shown', {
              shown: formatNumber(items.length),
              total: formatNumber(filters.status ? (counts[filters.status] ?? 0) : total),
            })}
          </p>
          {nextCursor && (
            <button
              type="button"
              class="button"
              data-testid="load-more"
              disabled={loading !== null}
              onClick={() => void load('more')}
            >
              {loading === 'more' ? t('state.loading') : t('inbox.load_more')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
