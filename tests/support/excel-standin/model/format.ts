/** One cell's formatting. Formats are interned: equal formats are the same object. */
export interface Border {
  readonly style: string;
  readonly color: string;
  readonly weight: string;
}

export interface CellFormat {
  readonly numberFormat: string;
  /** Fill colour, or null for no fill (Excel then reports "#FFFFFF"). */
  readonly fill: string | null;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly fontColor: string;
  readonly fontSize: number;
  readonly fontName: string;
  readonly wrapText: boolean;
  readonly horizontalAlignment: string;
  readonly verticalAlignment: string;
  readonly borderTop: Border | null;
  readonly borderBottom: Border | null;
  readonly borderLeft: Border | null;
  readonly borderRight: Border | null;
}

export type FormatField = keyof CellFormat;

export const DEFAULT_FORMAT: CellFormat = Object.freeze({
  numberFormat: "General",
  fill: null,
  bold: false,
  italic: false,
  fontColor: "#000000",
  fontSize: 11,
  fontName: "Calibri",
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  borderTop: null,
  borderBottom: null,
  borderLeft: null,
  borderRight: null,
});

/** What Excel reports for an edge without a border. */
export const NO_BORDER: Border = Object.freeze({ style: "None", color: "#000000", weight: "Thin" });

const FIELDS = Object.keys(DEFAULT_FORMAT) as FormatField[];

/**
 * Keeps one object per distinct format, so a million cells share a handful of formats and a
 * change applied to many cells costs one lookup per cell. Borders are interned too, so a
 * change is found by identity (format, field, value), with no key string built per cell.
 */
export class FormatPool {
  private readonly byKey = new Map<string, CellFormat>();
  private readonly borders = new Map<string, Border>();
  private readonly transitions = new Map<CellFormat, Map<FormatField, Map<unknown, CellFormat>>>();

  constructor() {
    this.byKey.set(this.key(DEFAULT_FORMAT), DEFAULT_FORMAT);
  }

  private key(format: CellFormat): string {
    return JSON.stringify(FIELDS.map((field) => format[field]));
  }

  intern(format: CellFormat): CellFormat {
    const key = this.key(format);
    const known = this.byKey.get(key);
    if (known) return known;
    const frozen = Object.freeze({ ...format });
    this.byKey.set(key, frozen);
    return frozen;
  }

  private border(border: Border): Border {
    const key = `${border.style}|${border.color}|${border.weight}`;
    const known = this.borders.get(key);
    if (known) return known;
    const frozen = Object.freeze({
      style: border.style,
      color: border.color,
      weight: border.weight,
    });
    this.borders.set(key, frozen);
    return frozen;
  }

  with<F extends FormatField>(format: CellFormat, field: F, value: CellFormat[F]): CellFormat {
    const canonical =
      value !== null && typeof value === "object" ? this.border(value as Border) : value;
    let byField = this.transitions.get(format);
    if (!byField) {
      byField = new Map();
      this.transitions.set(format, byField);
    }
    let byValue = byField.get(field);
    if (!byValue) {
      byValue = new Map();
      byField.set(field, byValue);
    }
    const cached = byValue.get(canonical);
    if (cached) return cached;
    const next =
      format[field] === canonical ? format : this.intern({ ...format, [field]: canonical });
    byValue.set(canonical, next);
    return next;
  }
}
