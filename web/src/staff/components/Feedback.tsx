// The staff app's loading, empty and error states (common/components/Feedback.tsx): with a
// spinner, and a server fault's request id for the staff to quote when they report it.

import { feedback } from '../../common/components/Feedback';

export { Empty } from '../../common/components/Feedback';

export const { ErrorMessage, Loading } = feedback({ spinner: true, requestId: true });
