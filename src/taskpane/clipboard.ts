/**
 * Copying the 汇总 report. The asynchronous Clipboard API is tried first; where it is missing
 * (older WebView hosts of Office) or refused (a pane's frame may lack clipboard-write), the
 * content is put in a hidden element, selected and copied with execCommand("copy").
 */

const COPY_FAILED = "无法写入剪贴板：请在「汇总」工作表中选中内容，按 Ctrl+C 复制。";

/** Plain text, as typed into a report. */
export async function copyText(text: string): Promise<void> {
  const clipboard = navigator.clipboard;
  if (typeof clipboard?.writeText === "function") {
    try {
      await clipboard.writeText(text);
      return;
    } catch {
      // Refused by the host: the selection below still works in a user gesture.
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.readOnly = true;
  copyFrom(area, () => area.select());
}

/** HTML (Word pastes its tables as tables), with the plain text for programs that take only text. */
export async function copyHtml(html: string, text: string): Promise<void> {
  const clipboard = navigator.clipboard;
  if (typeof clipboard?.write === "function" && typeof ClipboardItem !== "undefined") {
    try {
      await clipboard.write([
        new ClipboardItem({
          "text/html": new Blob([html], { type: "text/html" }),
          "text/plain": new Blob([text], { type: "text/plain" }),
        }),
      ]);
      return;
    } catch {
      // Refused by the host: the selection below still works in a user gesture.
    }
  }
  const holder = document.createElement("div");
  // The core escapes every text it puts into the report's HTML.
  holder.innerHTML = html;
  copyFrom(holder, () => {
    const range = document.createRange();
    range.selectNodeContents(holder);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  });
}

/** Puts `element` out of sight, selects its content, copies it, and puts things back. */
function copyFrom(element: HTMLElement, select: () => void): void {
  if (typeof document.execCommand !== "function") throw new Error(COPY_FAILED);
  const focused = document.activeElement;
  element.setAttribute("aria-hidden", "true");
  Object.assign(element.style, { position: "fixed", left: "-10000px", top: "0", opacity: "0" });
  document.body.appendChild(element);
  let copied = false;
  try {
    select();
    copied = document.execCommand("copy");
  } finally {
    window.getSelection()?.removeAllRanges();
    element.remove();
    if (focused instanceof HTMLElement) focused.focus();
  }
  if (!copied) throw new Error(COPY_FAILED);
}
