export { installStandIn, type StandInHandle, type StandInOptions } from "./install";
export type { RequestRecord, SyncStats } from "./client/env";
export type {
  CellSnapshot,
  SheetSnapshot,
  SheetView,
  WorkbookSnapshot,
  WorkbookView,
} from "./snapshot";
export { StandInError } from "./errors";
