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
import type { ValidateOutcome } from "../actions";

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

/** The 校验 result in one sentence, three counters, and what this Excel could not do. */
export function ValidationSummary({ outcome }: { outcome: ValidateOutcome }) {
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
      {outcome.fallbacks.map((fallback) => (
        <MessageBar key={fallback} intent="info" layout="multiline">
          <MessageBarBody>{fallback}</MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}
