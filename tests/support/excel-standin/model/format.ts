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
 * change applied to many cells costs one lookup per cell.
 */
export class FormatPool {
  private readonly byKey = new Map<string, CellFormat>();
  private readonly transitions = new Map<CellFormat, Map<string, CellFormat>>();

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

  with<F extends FormatField>(format: CellFormat, field: F, value: CellFormat[F]): CellFormat {
    const step = `${field}=${JSON.stringify(value)}`;
    let known = this.transitions.get(format);
    if (!known) {
      known = new Map();
      this.transitions.set(format, known);
    }
    const cached = known.get(step);
    if (cached) return cached;
    const next = format[field] === value ? format : this.intern({ ...format, [field]: value });
    known.set(step, next);
    return next;
  }
}
