export {
  TRACK_STATE_LABEL,
  STATUS_VALUES,
  DONE,
  Status,
  TrackState,
  TrackingOptions,
} from "./schema";
export type { TrackingOptionsInput } from "./schema";
export { goalQuarter, hasQuarterGoals, rowDeadline } from "./deadline";
export { daysBetween, isDone, isOverdue, trackState } from "./state";
export { RowIdentity, identityKey, matchRows, parseIdentityKey, rowIdentity } from "./identity";
export { carryOver, masterChanged, unitEdited, type Synced } from "./sync";
export { inRosterOrder, namesIn, rolesIn, type Role } from "./assign";
export { dateLiteral, trackingFormats, type TrackingPlacement } from "./formulas";
