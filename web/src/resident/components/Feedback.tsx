// The residents' loading, empty and error states (common/components/Feedback.tsx): plain lines,
// without the staff app's spinner or request ids, which a resident has no use for.

import { feedback } from '../../common/components/Feedback';

export { Empty } from '../../common/components/Feedback';

export const { ErrorMessage, Loading } = feedback({ spinner: false, requestId: false });
