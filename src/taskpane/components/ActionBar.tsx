import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowImport20Regular, Eraser20Regular, ShieldCheckmark20Regular } from "@fluentui/react-icons";

const useStyles = makeStyles({
  // Two to a row in a 350 px pane, so five-character labels stay on one line; more in a wider
  // pane. 生成单位表 and 汇总 join the same grid.
  root: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(136px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
});

export interface ActionBarProps {
  busy: boolean;
  canValidate: boolean;
  onImport(): void;
  onValidate(): void;
  onClearMarks(): void;
}

export function ActionBar({ busy, canValidate, onImport, onValidate, onClearMarks }: ActionBarProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="toolbar" aria-label="操作">
      <Button icon={<ArrowImport20Regular />} disabled={busy} onClick={onImport}>
        导入种子表
      </Button>
      <Button
        appearance="primary"
        icon={<ShieldCheckmark20Regular />}
        disabled={busy || !canValidate}
        onClick={onValidate}
      >
        校验
      </Button>
      <Button icon={<Eraser20Regular />} disabled={busy} onClick={onClearMarks}>
        清除标记
      </Button>
    </div>
  );
}
