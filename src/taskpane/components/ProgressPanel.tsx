import {
  Button,
  Caption1,
  Field,
  makeStyles,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons";
import type { Busy } from "../useWorkbookTask";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1 },
  cancel: { flexShrink: 0, whiteSpace: "nowrap" },
});

/**
 * The current step of long work; an indeterminate bar until the workflow reports how far it
 * is. Work that goes file by file (下发, 回收) can be stopped with 取消.
 */
export function ProgressPanel({ busy, onCancel }: { busy: Busy; onCancel?: () => void }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" className={styles.root}>
      <Field
        className={styles.bar}
        label={busy.label}
        size="small"
        hint={<Caption1>{busy.step}</Caption1>}
      >
        <ProgressBar value={busy.fraction ?? undefined} thickness="large" />
      </Field>
      {onCancel && (
        <Button
          className={styles.cancel}
          size="small"
          icon={<Dismiss20Regular />}
          onClick={onCancel}
        >
          取消
        </Button>
      )}
    </div>
  );
}
