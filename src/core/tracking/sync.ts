/**
 * The three-way rule that keeps typed progress safe between the master 导入 sheets and the unit
 * sheets. Every unit-sheet row keeps, per field, the value both sides last agreed on (its base,
 * stored in the sheet's hidden 上次同步 columns). Against it:
 * - the unit edited the field when its value differs from the base;
 * - the master changed it when the master's value differs from the base.
 * A base of null means the sheet had no base column: then any non-empty unit value that differs
 * from the master counts as an edit, and the master as changed whenever it is not empty.
 */

export interface Synced {
  value: string;
  base: string | null;
}

const same = (a: string, b: string) => a.trim() === b.trim();

export function unitEdited(unit: Synced, master: string): boolean {
  return unit.base === null
    ? unit.value.trim() !== "" && !same(unit.value, master)
    : !same(unit.value, unit.base);
}

export function masterChanged(unit: Synced, master: string): boolean {
  return unit.base === null ? master.trim() !== "" : !same(master, unit.base);
}

/**
 * What a regenerated unit sheet shows for a field: the unit's own edit when there is one (with
 * its old base, so that 回填 still sees it, and sees a conflict if the master changed too),
 * else the master's current value, which then becomes the base.
 */
export function carryOver(
  master: string,
  previous: Synced | null
): { value: string; base: string } {
  if (previous && unitEdited(previous, master))
    return { value: previous.value, base: previous.base ?? "" };
  return { value: master, base: master };
}
