// The shapes of the API's answers that the app reads (docs/api.md is the reference).

import type { FeatureCollection as GeoFeatureCollection, Geometry } from 'geojson';

export type Role = 'resident' | 'officer' | 'unit_manager' | 'ioc_operator' | 'admin';

export interface User {
  id: string;
  login: string;
  full_name: string;
  role: Role;
  unit: string | null;
  locale: string;
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
  user: User;
}

export const STATUSES = [
  'received',
  'accepted',
  'in_progress',
  'waiting_for_citizen',
  'transferred',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
  'reopened',
] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIONS = [
  'accept',
  'start',
  'ask_citizen',
  'resume',
  'resolve',
  'close',
  'transfer',
  'reject',
  'mark_duplicate',
  'reopen',
  'assign',
  'comment',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Something named in both languages: a category, commune or unit as reports carry them. */
export interface Named {
  code: string;
  name: string;
  name_en: string;
}

export interface Category {
  code: string;
  name: string;
  name_en: string;
  urgent: boolean;
}

export interface Commune {
  code: string;
  name: string;
  full_name: string;
  name_en: string;
  full_name_en: string;
  level: string;
  area_km2: number;
  valid_from: string;
}

export interface Unit {
  code: string;
  kind: string;
  name: string;
  name_en: string;
  commune: string | null;
}

export interface Variant {
  url: string;
  width: number;
  height: number;
}

export interface Photo {
  id: string;
  /** `report` (the resident's) or `resolution` (an officer's "after" photo). */
  kind: 'report' | 'resolution';
  width: number;
  height: number;
  display: Variant;
  thumb: Variant;
}

export interface Person {
  id: string;
  full_name: string;
}

export interface Ticket {
  id: string;
  tracking_code: string;
  status: Status;
  category: string;
  category_name: string;
  category_name_en: string;
  urgent: boolean;
  description: string;
  address: string | null;
  lat: number;
  lon: number;
  location_source: string;
  commune: Named;
  unit: Named;
  photos: Photo[];
  public_answer: string | null;
  created_at: string;
  updated_at: string;
  stage: 'accept' | 'resolve' | 'paused' | 'done';
  due_at: string | null;
  overdue: boolean;
  accept_due_at: string | null;
  resolve_due_at: string | null;
  sla_clock: 'working' | 'wall_clock';
  escalation_level: number;
  hops: number;
  assignee_id: string | null;
  duplicate_of: string | null;
}

export interface TicketEvent {
  id: number;
  kind: string;
  from_status: Status | null;
  to_status: Status | null;
  actor: { id?: string; full_name?: string; role: Role } | null;
  unit: string | null;
  from_unit: string | null;
  note: string | null;
  public_answer: string | null;
  public: boolean;
  duplicate_of: string | null;
  assignee: Person | null;
  at: string;
}

export interface TicketDetail extends Ticket {
  assignee: Person | null;
  events: TicketEvent[];
  rating: { score: number; comment: string | null; created_at: string } | null;
  allowed_actions: Action[];
  reporter?: { id: string; full_name: string; login: string };
}

export interface TicketPage {
  items: Ticket[];
  next_cursor: string | null;
  counts: Partial<Record<Status, number>>;
}

export interface Template {
  id: string;
  unit_code: string;
  title: string;
  body: string;
}

export interface StaffAccount {
  id: string;
  full_name: string;
  role: Role;
  unit: string | null;
  disabled: boolean;
}

export interface Durations {
  count: number;
  median_working_h: number | null;
  p90_working_h: number | null;
  median_wall_h: number | null;
  p90_wall_h: number | null;
}

export interface Engagement {
  index: number | null;
  participation_per_1000_month: number | null;
  participation_basis: 'population' | 'accounts';
  participation: number | null;
  responsiveness: number | null;
  resolution: number | null;
  satisfaction: number | null;
}

/** The figures of a period, city-wide (`/stats/summary`) or for one row of a breakdown. */
export interface Figures {
  from: string;
  to: string;
  received: number;
  resolved: number;
  open_backlog: number;
  overdue_now: number;
  time_to_accept: Durations;
  time_to_resolve: Durations;
  on_time_rate: number | null;
  resolution_rate: number | null;
  transfer_rate: number | null;
  hops: number;
  reopen_rate: number | null;
  ratings: number;
  mean_rating: number | null;
  share_ratings_4_or_more: number | null;
  reporters: number;
  engagement?: Engagement;
}

/** One row of `/stats/communes`, `/stats/units` or `/stats/timeseries`. */
export interface BreakdownRow extends Figures {
  key: string;
  name?: string;
  name_en?: string;
}

/** GeoJSON features whose properties are `P`. */
export type FeatureCollection<P> = GeoFeatureCollection<Geometry, P>;

/** One message of `GET /api/v1/events`. */
export interface LiveEvent {
  id: number;
  report_id: string;
  kind: string;
  status: Status;
  unit: string | null;
  commune: string | null;
  category: string;
  at: string;
}
