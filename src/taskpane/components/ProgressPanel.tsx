import { Caption1, Field, ProgressBar } from "@fluentui/react-components";
import type { Busy } from "../useWorkbookTask";

/** The current step of long work; an indeterminate bar until the workflow reports how far it is. */
export function ProgressPanel({ busy }: { busy: Busy }) {
  return (
    <div role="status" aria-live="polite">
      <Field label={busy.label} size="small" hint={<Caption1>{busy.step}</Caption1>}>
        <ProgressBar value={busy.fraction ?? undefined} thickness="large" />
      </Field>
    </div>
  );
}
