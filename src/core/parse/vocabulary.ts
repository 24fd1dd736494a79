import { z } from "zod";
import { FieldKey } from "../table/schema";
import columnsJson from "../../../seeds/columns.json";

/** When an empty cell continues a vertically merged cell above it (see fillDown.ts). */
export const FillDown = z.enum(["always", "withDetail", "never"]);
export type FillDown = z.infer<typeof FillDown>;

export const Vocabulary = z.object({
  columns: z.array(
    z.object({
      key: FieldKey,
      titles: z.array(z.string()).min(1),
      /** Regular expressions over the compact title, for titles with a place name inside. */
      patterns: z.array(z.string()).optional(),
      /** The meaning this column takes when a firmer claim on `key` exists (责任单位 → coop). */
      yields: FieldKey.optional(),
      fillDown: FillDown,
    })
  ),
  spanning: z.array(
    z.object({
      titles: z.array(z.string()).min(1),
      columns: z.array(z.object({ key: FieldKey, title: z.string() })).min(2),
    })
  ),
  groups: z.array(z.object({ titles: z.array(z.string()).min(1), keys: z.array(FieldKey).min(1) })),
  tables: z.array(
    z.object({
      id: z.string().min(1),
      titlePattern: z.string().min(1),
      sheetName: z.string().min(1),
    })
  ),
});
export type Vocabulary = z.infer<typeof Vocabulary>;

/** Header text compared without any whitespace (Word breaks 分管\n区领导 over two lines). */
export function compactHeader(text: string): string {
  return text.replace(/[\s\u3000\u200b\ufeff]+/g, "");
}

/**
 * A user's own reading of titles (列对照): compact title → meaning, or "unused" for a column
 * not to be read. It comes before the vocabulary.
 */
export const ColumnMapping = z.record(z.string(), z.union([FieldKey, z.literal("unused")]));
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export type HeaderMatch =
  | { kind: "column"; key: FieldKey; yields?: FieldKey }
  | { kind: "ignored" }
  | { kind: "spanning"; columns: { key: FieldKey; title: string }[] }
  | { kind: "group"; keys: FieldKey[] }
  | { kind: "unknown" };

/** Longer than this, a header cell is text, not a title, and is not searched for titles inside. */
const MAX_TITLE = 30;

/** Header vocabulary with lookups precomputed once. */
export class HeaderVocabulary {
  private readonly exact = new Map<string, HeaderMatch>();
  private readonly patterns: [RegExp, HeaderMatch][] = [];
  private readonly byLength: [string, HeaderMatch][];
  private readonly fillDownByKey = new Map<FieldKey, FillDown>();
  private readonly mapping = new Map<string, HeaderMatch>();

  constructor(
    readonly data: Vocabulary,
    private readonly userMapping: ColumnMapping = {}
  ) {
    for (const c of data.columns) {
      if (!this.fillDownByKey.has(c.key)) this.fillDownByKey.set(c.key, c.fillDown);
      const m: HeaderMatch = c.yields
        ? { kind: "column", key: c.key, yields: c.yields }
        : { kind: "column", key: c.key };
      for (const t of c.titles) this.exact.set(compactHeader(t), m);
      for (const p of c.patterns ?? []) this.patterns.push([new RegExp(p), m]);
    }
    for (const [title, key] of Object.entries(userMapping))
      this.mapping.set(
        compactHeader(title),
        key === "unused" ? { kind: "ignored" } : { kind: "column", key }
      );
    for (const s of data.spanning) {
      for (const t of s.titles)
        this.exact.set(compactHeader(t), { kind: "spanning", columns: s.columns });
    }
    for (const g of data.groups) {
      for (const t of g.titles) this.exact.set(compactHeader(t), { kind: "group", keys: g.keys });
    }
    // Longest titles first, so 市责任单位 is not taken for 责任单位 when a header only contains a title.
    this.byLength = [...this.exact.entries()].sort((a, b) => b[0].length - a[0].length);
  }

  /** The same vocabulary with a user's 列对照 on top. */
  withMapping(mapping: ColumnMapping): HeaderVocabulary {
    return Object.keys(mapping).length === 0
      ? this
      : new HeaderVocabulary(this.data, { ...this.userMapping, ...mapping });
  }

  /**
   * The same vocabulary with a 列对照 kept in a workbook beneath its own: a mapping given now
   * (--columns) wins over one recorded earlier.
   */
  withRecordedMapping(recorded: ColumnMapping): HeaderVocabulary {
    return Object.keys(recorded).length === 0
      ? this
      : new HeaderVocabulary(this.data, { ...recorded, ...this.userMapping });
  }

  /**
   * What a header cell means: the user's mapping, an exact title, a pattern, else the longest
   * known title it contains.
   */
  match(header: string): HeaderMatch {
    const h = compactHeader(header);
    if (!h) return { kind: "unknown" };
    const known = this.mapping.get(h) ?? this.exact.get(h);
    if (known) return known;
    if (h.length > MAX_TITLE) return { kind: "unknown" };
    for (const [pattern, m] of this.patterns) if (pattern.test(h)) return m;
    for (const [title, m] of this.byLength) if (title.length >= 2 && h.includes(title)) return m;
    return { kind: "unknown" };
  }

  /** Whether the text is exactly a known header title (not merely contains one). */
  isTitle(text: string): boolean {
    return this.exact.has(compactHeader(text));
  }

  fillDown(key: FieldKey): FillDown {
    return this.fillDownByKey.get(key) ?? "never";
  }

  /** The short sheet name 导入 gives a known table kind, or null. */
  sheetNameFor(tableId: string): string | null {
    return this.data.tables.find((k) => k.id === tableId)?.sheetName ?? null;
  }

  /** The id of a known table kind whose pattern the title contains, or null. */
  tableIdFor(title: string): string | null {
    const t = compactHeader(title);
    return this.data.tables.find((k) => t.includes(k.titlePattern))?.id ?? null;
  }
}

let defaultVocabulary: HeaderVocabulary | undefined;

/** The vocabulary shipped in seeds/columns.json. */
export function defaultHeaderVocabulary(): HeaderVocabulary {
  defaultVocabulary ??= new HeaderVocabulary(Vocabulary.parse(columnsJson));
  return defaultVocabulary;
}
