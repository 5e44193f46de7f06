// The shapes of the API that the app reads, by the names the components use: each one is the
// OpenAPI document's (src/generated/openapi.d.ts, generated from mobile-api/openapi.json).

import type { FeatureCollection as GeoFeatureCollection, Geometry } from 'geojson';
import type { components } from '../generated/openapi';

type Schemas = components['schemas'];

export type Role = Schemas['Role'];
/** The signed-in account, as login and refresh answer it. */
export type User = Schemas['UserSummary'];
export type TokenPair = Schemas['TokenResponse'];

export type Status = Schemas['Status'];
/** One notification of the reports one follows (`GET /me/notifications`). */
export type NotificationItem = Schemas['NotificationView'];
/** What reaches one by push and by email (`/me/preferences`). */
export type Preferences = Schemas['Preferences'];
export type Action = Schemas['Action'];
/** What a transition sends (`POST /tickets/{id}/transitions`). */
export type TransitionRequest = Schemas['TransitionRequest'];
export type TransitionField = Schemas['TransitionField'];
export type ActionForm = Schemas['ActionForm'];

/** Every status, in the order of the inbox's chips; the check below keeps it whole. */
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
] as const satisfies readonly Status[];
/** Fails to compile when the document has a status that `STATUSES` lacks. */
const statusesComplete: Exclude<Status, (typeof STATUSES)[number]> extends never ? true : never = true;
void statusesComplete;

/** Something named in both languages: a category, commune or unit as reports carry them. */
export type Named = Schemas['Named'];
export type Category = Schemas['CategoryItem'];
export type Commune = Schemas['Commune'];
export type Unit = Schemas['UnitItem'];

export type Variant = Schemas['VariantJson'];
export type Photo = Schemas['PhotoJson'];
export type Person = Schemas['Person'];

export type Ticket = Schemas['TicketJson'];
export type TicketEvent = Schemas['EventJson'];
export type TicketDetail = Schemas['TicketDetailJson'];
export type TicketPage = Schemas['TicketPage'];
export type Template = Schemas['Template'];

export type ReportSubmission = Schemas['ReportSubmission'];
export type RegisterRequest = Schemas['RegisterRequest'];
export type PublicReport = Schemas['PublicReport'];
export type OwnReport = Schemas['OwnReport'];
export type ReportDetail = Schemas['ReportDetail'];
export type NearbyReport = Schemas['NearbyReport'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type Support = Schemas['Support'];
export type StaffAccount = Schemas['StaffAccount'];

export type Durations = Schemas['Durations'];
export type Engagement = Schemas['Engagement'];
/** One row of `/stats/communes`, `/stats/units` or `/stats/timeseries`. */
export type BreakdownRow = Schemas['StatsRow'];
/** The figures of a period, city-wide (`/stats/summary`) or for one row of a breakdown. */
export type Figures = Schemas['StatsSummary'] | BreakdownRow;

/**
 * GeoJSON features whose properties are `P`. The document describes a feature's geometry only as
 * "a GeoJSON geometry" (an object), so the envelope is GeoJSON's own type (RFC 7946) and the
 * properties are the document's.
 */
export type FeatureCollection<P> = GeoFeatureCollection<Geometry, P>;

/**
 * One message of `GET /api/v1/events`. The document gives the stream only as text and lists
 * these fields in its description, without a schema: this is the one shape written here.
 */
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
