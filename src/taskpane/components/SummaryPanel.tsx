import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { Copy20Regular, TableCopy20Regular } from "@fluentui/react-icons";
import type { SummaryOutcome } from "../actions";
import type { CopyKind } from "../useTrackingFlows";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { margin: 0 },
  sentences: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  sentence: { margin: 0 },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  copied: { color: tokens.colorPaletteGreenForeground1 },
  sheet: { color: tokens.colorNeutralForeground3 },
});

export interface SummaryPanelProps {
  outcome: SummaryOutcome;
  copied: CopyKind | null;
  disabled: boolean;
  // eslint-disable-next-line no-unused-vars -- the base rule misreads parameter names in .tsx types; tsc checks unused names
  onCopy(kind: CopyKind): void;
}

/** The 汇总 report as it will be pasted: its sentences, and buttons that copy it as text or as tables. */
export function SummaryPanel({ outcome, copied, disabled, onCopy }: SummaryPanelProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="summary-title">
      <Subtitle2 as="h2" id="summary-title" className={styles.title}>
        汇总报告
      </Subtitle2>
      <div className={styles.sentences}>
        {outcome.summary.sentences.map((sentence) => (
          <Body1 as="p" key={sentence} className={styles.sentence}>
            {sentence}
          </Body1>
        ))}
      </div>
      <Caption1 className={styles.sheet}>
        各单位、各分管领导的统计表见「{outcome.sheet}」工作表。
      </Caption1>
      <div className={styles.buttons}>
        <Button icon={<Copy20Regular />} disabled={disabled} onClick={() => onCopy("text")}>
          复制文字
        </Button>
        <Button icon={<TableCopy20Regular />} disabled={disabled} onClick={() => onCopy("table")}>
          复制表格
        </Button>
        <span role="status" className={styles.copied}>
          {copied ? "已复制" : ""}
        </span>
      </div>
    </section>
  );
}
