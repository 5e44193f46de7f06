// The strings both apps show alike: the app's name, the language switch, the generic states of
// common/components/Feedback.tsx and the names of a report's statuses. Each app's table starts
// with them (staff/i18n.ts, resident/strings.ts), so that its own `t` knows them too; an app may
// word one differently for its readers by giving it again after them.

import { translator } from './locale';

export const commonVi = {
  'app.name': 'Hiện Trường',
  'lang.other': 'English',
  'lang.switch_label': 'Switch to English',
  'state.loading': 'Đang tải…',
  'action.retry': 'Thử lại',
  'error.request_id': 'Mã yêu cầu (gửi kèm khi báo lỗi): {id}',

  'status.received': 'Mới tiếp nhận',
  'status.accepted': 'Đã nhận xử lý',
  'status.in_progress': 'Đang xử lý',
  'status.waiting_for_citizen': 'Chờ người dân',
  'status.transferred': 'Đã chuyển',
  'status.resolved': 'Đã xử lý',
  'status.closed': 'Đã đóng',
  'status.rejected': 'Từ chối',
  'status.duplicate': 'Trùng lặp',
  'status.reopened': 'Mở lại',
};

export type CommonKey = keyof typeof commonVi;

export const commonEn: Record<CommonKey, string> = {
  'app.name': 'Hiện Trường',
  'lang.other': 'Tiếng Việt',
  'lang.switch_label': 'Chuyển sang tiếng Việt',
  'state.loading': 'Loading…',
  'action.retry': 'Try again',
  'error.request_id': 'Request id (quote it when reporting the problem): {id}',

  'status.received': 'Received',
  'status.accepted': 'Accepted',
  'status.in_progress': 'In progress',
  'status.waiting_for_citizen': 'Waiting for citizen',
  'status.transferred': 'Transferred',
  'status.resolved': 'Resolved',
  'status.closed': 'Closed',
  'status.rejected': 'Rejected',
  'status.duplicate': 'Duplicate',
  'status.reopened': 'Reopened',
};

/** The shared strings, for the shared components: an app's own wording of one is its `t`'s. */
export const t = translator<CommonKey>(commonVi, commonEn);
