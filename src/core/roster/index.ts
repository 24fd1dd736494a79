export { defaultRoster, loadRoster } from "./load";
export { groupLabel } from "./lookup";
export { normaliseName } from "./normalise";
export {
  Group,
  Leader,
  NamePart,
  NameSplit,
  NameStatus,
  Roster,
  Unit,
  UnitKind,
  type NameKind,
} from "./schema";
export { resolveName, splitNames } from "./split";
