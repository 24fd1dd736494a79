import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { ConfirmRequest } from "../useConfirm";

export interface ConfirmDialogProps {
  request: ConfirmRequest | null;
  open: boolean;
  // eslint-disable-next-line no-unused-vars -- the base rule misreads parameter names in .tsx types; tsc checks unused names
  onAnswer(confirmed: boolean): void;
}

/** Asks before the add-in replaces sheets or changes cells; Escape and 取消 both decline. */
export function ConfirmDialog({ request, open, onAnswer }: ConfirmDialogProps) {
  return (
    <Dialog modalType="alert" open={open} onOpenChange={(_, data) => !data.open && onAnswer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{request?.title}</DialogTitle>
          <DialogContent>{request?.body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {request?.confirmLabel}
            </Button>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              取消
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
