/**
 * Which of a fixed list of strings occur in a text, found in one pass over it. The deadline
 * patterns each name strings they cannot match without (月, 季度, 年底 …); testing each of those
 * with includes() would read every text once per string.
 */
export class Anchors {
  /** Anchors grouped by their first UTF-16 code unit, each with its bit. */
  private readonly groups: Array<Array<{ text: string; bit: number }>> = [];
  /** The bits of each group together: a group whose anchors are all found is not looked at again. */
  private readonly groupMasks: number[] = [];
  /** slot[code] is 1 + the index in groups of the anchors starting with that code unit, or 0. */
  private readonly slot = new Uint8Array(0x10000);
  private readonly bits = new Map<string, number>();

  constructor(anchors: Iterable<string>) {
    for (const text of new Set(anchors)) {
      if (text === "") throw new RangeError("An anchor cannot be empty");
      if (this.bits.size === 31) throw new RangeError("At most 31 anchors fit in a mask");
      const bit = 1 << this.bits.size;
      this.bits.set(text, bit);
      const first = text.charCodeAt(0);
      if (this.slot[first] === 0) {
        this.slot[first] = this.groups.push([]);
        this.groupMasks.push(0);
      }
      this.groups[this.slot[first] - 1].push({ text, bit });
      this.groupMasks[this.slot[first] - 1] |= bit;
    }
  }

  /** The mask of the given anchors (all of them must be known). */
  mask(anchors: readonly string[]): number {
    let mask = 0;
    for (const text of anchors) {
      const bit = this.bits.get(text);
      if (bit === undefined) throw new RangeError(`Unknown anchor: ${text}`);
      mask |= bit;
    }
    return mask;
  }

  /** The mask of the anchors that occur in `text`. */
  found(text: string): number {
    let mask = 0;
    for (let i = 0; i < text.length; i++) {
      const slot = this.slot[text.charCodeAt(i)];
      if (slot === 0) continue;
      const all = this.groupMasks[slot - 1];
      if ((mask & all) === all) continue;
      for (const anchor of this.groups[slot - 1]) {
        if ((mask & anchor.bit) !== 0) continue;
        if (anchor.text.length === 1 || text.startsWith(anchor.text, i)) mask |= anchor.bit;
      }
    }
    return mask;
  }
}
