import { Field, Input, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import type { WorkbookInfo } from "../actions";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { margin: 0 },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalL,
    alignItems: "end",
  },
  year: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, margin: 0 },
  yearLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  yearValue: {
    margin: 0,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase400,
  },
});

export interface HeaderProps {
  info: WorkbookInfo | null;
  checkDate: string;
  checkDateValid: boolean;
  // eslint-disable-next-line no-unused-vars -- the base rule misreads parameter names in .tsx types; tsc checks unused names
  onCheckDateChange(date: string): void;
  disabled: boolean;
}

function planYearText(info: WorkbookInfo | null): string {
  if (!info) return "读取中…";
  return info.planYear === null ? "未识别" : `${info.planYear}年`;
}

/** The pane's title, the plan year read from the tables, and the date 校验 judges deadlines by. */
export function Header({
  info,
  checkDate,
  checkDateValid,
  onCheckDateChange,
  disabled,
}: HeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <Subtitle1 as="h1" className={styles.title}>
        督办助手
      </Subtitle1>
      <div className={styles.facts}>
        <dl className={styles.year}>
          <dt className={styles.yearLabel}>计划年度</dt>
          <dd className={styles.yearValue}>{planYearText(info)}</dd>
        </dl>
        <Field
          label="检查日期"
          size="small"
          validationState={checkDateValid ? "none" : "error"}
          validationMessage={checkDateValid ? undefined : "请选择检查日期"}
        >
          <Input
            type="date"
            size="small"
            value={checkDate}
            disabled={disabled}
            onChange={(_, data) => onCheckDateChange(data.value)}
          />
        </Field>
      </div>
    </header>
  );
}
