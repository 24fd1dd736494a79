import { Button, makeStyles, tokens } from "@fluentui/react-components";
import {
  ArrowImport20Regular,
  ArrowSync20Regular,
  BookContacts20Regular,
  DataBarVertical20Regular,
  Eraser20Regular,
  ShieldCheckmark20Regular,
  TableSplit20Regular,
} from "@fluentui/react-icons";

const useStyles = makeStyles({
  // Two to a row in a 350 px pane, so five-character labels stay on one line; more in a wider pane.
  root: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(136px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
});

export interface ActionBarProps {
  busy: boolean;
  /** The 检查日期 is a date: 校验, 生成单位表 and 汇总 judge deadlines by it. */
  canValidate: boolean;
  onImport(): void;
  onValidate(): void;
  onClearMarks(): void;
  onGenerateRoster(): void;
  onBuildUnitSheets(): void;
  onBackfill(): void;
  onSummarize(): void;
}

export function ActionBar(props: ActionBarProps) {
  const { busy, canValidate } = props;
  const styles = useStyles();
  return (
    <div className={styles.root} role="toolbar" aria-label="操作">
      <Button icon={<ArrowImport20Regular />} disabled={busy} onClick={props.onImport}>
        导入种子表
      </Button>
      <Button
        appearance="primary"
        icon={<ShieldCheckmark20Regular />}
        disabled={busy || !canValidate}
        onClick={props.onValidate}
      >
        校验
      </Button>
      <Button icon={<Eraser20Regular />} disabled={busy} onClick={props.onClearMarks}>
        清除标记
      </Button>
      <Button icon={<BookContacts20Regular />} disabled={busy} onClick={props.onGenerateRoster}>
        生成名册
      </Button>
      <Button
        icon={<TableSplit20Regular />}
        disabled={busy || !canValidate}
        onClick={props.onBuildUnitSheets}
      >
        生成单位表
      </Button>
      <Button icon={<ArrowSync20Regular />} disabled={busy} onClick={props.onBackfill}>
        回填进展
      </Button>
      <Button
        icon={<DataBarVertical20Regular />}
        disabled={busy || !canValidate}
        onClick={props.onSummarize}
      >
        汇总
      </Button>
    </div>
  );
}
