import { useCallback, useRef, useState } from "react";

export interface ConfirmRequest {
  title: string;
  body: string;
  /** The button that goes ahead (替换, 应用); the other is always 取消. */
  confirmLabel: string;
}

export interface Confirm {
  /** The last request; kept after the answer so the dialog's text stays put while it closes. */
  request: ConfirmRequest | null;
  open: boolean;
  /** Opens the dialog; resolves true when the user confirms, false on 取消 or Escape. */
  ask(request: ConfirmRequest): Promise<boolean>;
  answer(confirmed: boolean): void;
}

/** A confirmation the flows can await in the middle of their work. */
export function useConfirm(): Confirm {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const [open, setOpen] = useState(false);
  const resolver = useRef<((confirmed: boolean) => void) | null>(null);

  const ask = useCallback((next: ConfirmRequest) => {
    resolver.current?.(false);
    setRequest(next);
    setOpen(true);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const answer = useCallback((confirmed: boolean) => {
    resolver.current?.(confirmed);
    resolver.current = null;
    setOpen(false);
  }, []);

  return { request, open, ask, answer };
}
