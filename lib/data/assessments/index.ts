/**
 * A ward's yearly assessment, by feature: the sheet (read), registration, saving results, workflow
 * steps and the review queues. Each lives in its own module; this is their public face.
 */
export { getSheet } from './sheet';
export {
  getRegistrationOverview,
  registerWards,
  type RegisterResult,
  type RegistrationOverview,
} from './registration';
export { saveResult, writeResult, type SaveResultOutcome } from './results';
export {
  transitionAssessment,
  transitionMany,
  type BulkOutcome,
  type TransitionOutcome,
} from './workflow';
export { countReviewQueue, listReviewQueue, listReviewQueueAll, type QueueItem } from './queue';
