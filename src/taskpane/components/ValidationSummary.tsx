import {
  Badge,
  Body1,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
  type BadgeProps,
} from "@fluentui/react-components";
import { SEVERITY_LABEL, type Severity } from "../../core/rules/schema";
import type { ColumnChoice, ValidateOutcome } from "../actions";
import { ColumnReadings } from "./ColumnReadings";

export const SEVERITY_COLOR: Record<Severity, NonNullable<BadgeProps["color"]>> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

const SEVERITIES: Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  counters: {
    display: "grid",
    gridTemplateColumns: "repeat(3, 1fr)",
    gap: tokens.spacingHorizontalS,
  },
  counter: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

export interface ValidationSummaryProps {
  outcome: ValidateOutcome;
  disabled: boolean;
  // eslint-disable-next-line no-unused-vars -- the base rule misreads parameter names in .tsx types; tsc checks unused names
  onChooseColumn(choice: ColumnChoice): void;
}

/** The 校验 result in one sentence, three counters, 列识别, and what this Excel could not do. */
export function ValidationSummary({ outcome, disabled, onChooseColumn }: ValidationSummaryProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label="校验结果">
      <Body1>{outcome.summary}</Body1>
      <div className={styles.counters}>
        {SEVERITIES.map((severity) => (
          <div
            key={severity}
            className={styles.counter}
            role="group"
            aria-label={SEVERITY_LABEL[severity]}
          >
            <Badge appearance="filled" color={SEVERITY_COLOR[severity]} size="large">
              {outcome.totals[severity]}
            </Badge>
            <Caption1>{SEVERITY_LABEL[severity]}</Caption1>
          </div>
        ))}
      </div>
      {outcome.tables && outcome.tables.length > 0 ? (
        <ColumnReadings tables={outcome.tables} disabled={disabled} onChoose={onChooseColumn} />
      ) : (
        outcome.columns &&
        outcome.columns.length > 0 && (
          <details>
            <summary>
              <Caption1>列识别</Caption1>
            </summary>
            <ul aria-label="列识别">
              {outcome.columns.map((line) => (
                <li key={line}>
                  <Caption1>{line}</Caption1>
                </li>
              ))}
            </ul>
          </details>
        )
      )}
      {outcome.fallbacks.map((fallback) => (
        <MessageBar key={fallback} intent="info" layout="multiline">
          <MessageBarBody>{fallback}</MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}
