import { Caption1, makeStyles, Select, tokens } from "@fluentui/react-components";
import { FieldKey, type ColumnReading } from "../../core/table/schema";
import { FIELD_LABEL, readingText } from "../../core/table/labels";
import type { ColumnChoice, TableColumns } from "../actions";

const useStyles = makeStyles({
  table: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  column: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
});

/** The choices of a column's 列对照: follow the header, a meaning, or 不读取. */
const AUTO = "auto";
const UNUSED = "unused";
const MEANINGS = FieldKey.options;

/** What the column is read as now: its meaning, progress for an earlier period, or 不读取. */
function current(reading: ColumnReading): string {
  if (reading.history) return "progress";
  return reading.key ?? UNUSED;
}

function meaningOf(value: string): ColumnChoice["meaning"] {
  if (value === AUTO) return null;
  if (value === UNUSED) return "unused";
  return FieldKey.parse(value);
}

export interface ColumnReadingsProps {
  tables: readonly TableColumns[];
  disabled: boolean;
  // eslint-disable-next-line no-unused-vars -- the base rule misreads parameter names in .tsx types; tsc checks unused names
  onChoose(choice: ColumnChoice): void;
}

/**
 * 列识别 after 校验, with the 列对照: each printed column of each table, how it was read, and a
 * choice to read it otherwise (or not at all). A choice is kept with the workbook.
 */
export function ColumnReadings({ tables, disabled, onChoose }: ColumnReadingsProps) {
  const styles = useStyles();
  return (
    <details>
      <summary>
        <Caption1>列识别（可更改列对照）</Caption1>
      </summary>
      {tables.map((table) => (
        <section
          key={table.sheet}
          className={styles.table}
          aria-label={`「${table.title}」（${table.sheet}）的列识别`}
        >
          <Caption1>{`「${table.title}」（${table.sheet}）`}</Caption1>
          <ul className={styles.list}>
            {table.columns.map((column, i) => (
              <li key={`${i}-${column.title}`} className={styles.column}>
                <Caption1>{readingText(column)}</Caption1>
                <Select
                  size="small"
                  aria-label={`「${column.title}」的含义（${table.sheet}）`}
                  value={current(column)}
                  disabled={disabled}
                  onChange={(_, data) =>
                    onChoose({
                      sheet: table.sheet,
                      title: column.title,
                      meaning: meaningOf(data.value),
                    })
                  }
                >
                  {MEANINGS.map((key) => (
                    <option key={key} value={key}>
                      {FIELD_LABEL[key]}
                    </option>
                  ))}
                  <option value={UNUSED}>不读取</option>
                  <option value={AUTO}>按表头识别</option>
                </Select>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
}
