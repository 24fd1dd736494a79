/**
 * Appends `items` to `list` one by one. `list.push(...items)` passes every item as an argument:
 * past some 100,000 items (a sheet's rows, a rule's findings) that overflows the call stack.
 */
export function append<T>(list: T[], items: Iterable<T>): T[] {
  for (const item of items) list.push(item);
  return list;
}
