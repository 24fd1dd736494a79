import { smallNumber } from "../../deadline/numerals";

/** What a table's closing note says it corresponds to: "分别对应重点工作责任分解表第2、8、13、26项". */
export interface NoteReference {
  /** How the note names the other table (重点工作责任分解表, 附件1). */
  target: string;
  /** The item numbers, in the note's order. */
  items: number[];
}

/** 对应 <table name> 第 <list> 项; the list may use 、，, 和 及, ranges (2-5, 2至5), Chinese numerals. */
const REFERENCE =
  /对应(?:于)?[「“"]?([^，。；,;第「」“”"]{1,40}?)[」”"]?(?:的)?第([0-9一二三四五六七八九十百、，,和及至到~-]+)项/;

function itemNumber(token: string): number {
  return /^[0-9]+$/.test(token) ? Number(token) : smallNumber(token);
}

/** The items of a list such as "2、8、13、26" or "3-5、9". Unreadable tokens are dropped. */
export function parseItemList(list: string): number[] {
  const items: number[] = [];
  for (const token of list.split(/[、，,和及]/)) {
    const range = /^(.+?)(?:至|到|~|-)(.+)$/.exec(token);
    if (range) {
      const from = itemNumber(range[1]);
      const to = itemNumber(range[2]);
      if (Number.isInteger(from) && Number.isInteger(to) && from <= to && to - from < 1000) {
        for (let n = from; n <= to; n++) items.push(n);
      }
      continue;
    }
    const n = itemNumber(token);
    if (Number.isInteger(n) && n > 0) items.push(n);
  }
  return items;
}

/** Reads the reference in a closing note, or null when it makes none. */
export function parseNoteReference(note: string | null): NoteReference | null {
  if (!note) return null;
  const compact = note
    .replace(/\s+/g, "")
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  const m = REFERENCE.exec(compact);
  if (!m) return null;
  const items = parseItemList(m[2]);
  return items.length > 0 ? { target: m[1], items } : null;
}
