import { Caption1, makeStyles, shorthands, Text, tokens } from "@fluentui/react-components";
import type { LocatedIssue } from "../actions";
import { placeOf, truncate } from "../format";

const EVIDENCE_CHARS = 40;

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    ...shorthands.border("none"),
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    textAlign: "left",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":active": { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ":disabled": { cursor: "default", color: tokens.colorNeutralForegroundDisabled },
    ":focus-visible": {
      ...shorthands.outline(tokens.strokeWidthThick, "solid", tokens.colorStrokeFocus2),
    },
  },
  place: { color: tokens.colorBrandForeground1 },
  // overflowWrap: a long run without spaces (a URL, a formula) must not widen the pane.
  message: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
  },
  evidence: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export interface IssueRowProps {
  issue: LocatedIssue;
  disabled: boolean;
  // eslint-disable-next-line no-unused-vars -- the base rule misreads parameter names in .tsx types; tsc checks unused names
  onSelect(address: string): void;
}

/** One issue; a click (or Enter) selects its cell in the workbook. */
export function IssueRow({ issue, disabled, onSelect }: IssueRowProps) {
  const styles = useStyles();
  // Most messages quote the offending text already; repeat it only when they do not.
  const evidence =
    issue.evidence && !issue.message.includes(issue.evidence) ? issue.evidence : null;
  return (
    <button
      type="button"
      className={styles.row}
      disabled={disabled}
      title="在工作表中选中此单元格"
      onClick={() => onSelect(issue.address)}
    >
      <Caption1 className={styles.place}>
        {placeOf(issue.address)}
        {issue.seq !== null && ` · 序号 ${issue.seq}`}
      </Caption1>
      <Text className={styles.message}>{issue.message}</Text>
      {evidence && (
        <Caption1 className={styles.evidence}>原文：{truncate(evidence, EVIDENCE_CHARS)}</Caption1>
      )}
    </button>
  );
}
