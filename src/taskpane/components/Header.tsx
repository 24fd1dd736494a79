import { Caption1, Field, Input, makeStyles, Subtitle1, Text, tokens } from "@fluentui/react-components";
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
  year: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  yearValue: { lineHeight: tokens.lineHeightBase400, paddingBottom: tokens.spacingVerticalXS },
  label: { color: tokens.colorNeutralForeground2 },
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
export function Header({ info, checkDate, checkDateValid, onCheckDateChange, disabled }: HeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <Subtitle1 as="h1" className={styles.title}>
        督办助手
      </Subtitle1>
      <div className={styles.facts}>
        <div className={styles.year}>
          <Caption1 id="plan-year-label" className={styles.label}>
            计划年度
          </Caption1>
          <Text weight="semibold" className={styles.yearValue} aria-labelledby="plan-year-label">
            {planYearText(info)}
          </Text>
        </div>
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
