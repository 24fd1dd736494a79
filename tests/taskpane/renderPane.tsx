import {
  FluentProvider,
  RendererProvider,
  createDOMRenderer,
  webLightTheme,
} from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import type { WorkbookActions } from "../../src/taskpane/actions";
import { App } from "../../src/taskpane/App";

jest.mock("@fluentui/react-icons", () => jest.requireActual("../support/iconAtoms"));

// jsdom has no layout, hence no ResizeObserver; MessageBar watches its own width to reflow.
class NoLayoutResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= NoLayoutResizeObserver;

/**
 * jsdom has no layout: of the pane's CSS, only what hides an element (display: none,
 * visibility: hidden) changes what a query finds. jsdom matches every rule against an element on
 * each getComputedStyle, which Testing Library calls for every element and text a role query
 * names, so the thousands of Griffel rules that only style made a role query cost seconds.
 */
const HIDES = /display:\s*none|visibility:\s*(hidden|collapse)/;
const renderer = createDOMRenderer(document, { unstable_filterCSSRule: (rule) => HIDES.test(rule) });

/** The pane as index.tsx mounts it. */
export function renderApp(actions: WorkbookActions) {
  return render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>
        <App actions={actions} />
      </FluentProvider>
    </RendererProvider>
  );
}

/** The pane, once its header has read the workbook. */
export async function renderPane(actions: WorkbookActions) {
  const view = renderApp(actions);
  await screen.findByText(/^(\d{4}年|未识别)$/);
  return view;
}

/**
 * The open confirmation dialog. Tabster decides what a modal hides from its layout
 * (offsetParent, client rects), which jsdom does not compute, so it may mark the dialog itself
 * aria-hidden here; the end-to-end test in Chromium checks the real accessibility tree.
 */
export async function openDialog() {
  const dialog = await screen.findByRole("alertdialog", { hidden: true });
  return {
    dialog,
    button: (name: string) => within(dialog).getByRole("button", { name, hidden: true }),
  };
}
