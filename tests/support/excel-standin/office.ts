import { isSetSupported } from "./requirements";
import { strictNamespace } from "./strict";
import type { WorkbookModel } from "./model/workbook";

type AsyncCallback = (result: {
  status: "succeeded";
  value: unknown;
  asyncContext?: unknown;
}) => void;

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Office.context.document.settings: an in-memory copy of the settings stored in the document;
 * set/remove change the copy, saveAsync writes it into the document (JSON, like Office).
 */
export class DocumentSettings {
  private memory: Record<string, unknown>;
  saves = 0;

  constructor(private readonly wb: WorkbookModel) {
    this.memory = clone(wb.savedSettings);
  }

  get(name: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.memory, name) ? this.memory[name] : null;
  }

  set(name: string, value: unknown): void {
    this.memory[name] = value;
  }

  remove(name: string): void {
    delete this.memory[name];
  }

  saveAsync(optionsOrCallback?: unknown, callback?: AsyncCallback): void {
    const done =
      typeof optionsOrCallback === "function" ? (optionsOrCallback as AsyncCallback) : callback;
    const asyncContext = (optionsOrCallback as { asyncContext?: unknown } | undefined)
      ?.asyncContext;
    this.wb.savedSettings = clone(this.memory);
    this.saves += 1;
    void Promise.resolve().then(() =>
      done?.({ status: "succeeded", value: undefined, asyncContext })
    );
  }

  refreshAsync(callback?: AsyncCallback): void {
    this.memory = clone(this.wb.savedSettings);
    void Promise.resolve().then(() => callback?.({ status: "succeeded", value: this }));
  }
}

type ActionHandler = (event: { completed(): void }) => unknown;

/**
 * Office.actions.associate: the ribbon's function file registers its handlers here; a test runs
 * one as a ribbon click would, and waits until the handler calls event.completed().
 */
export class Actions {
  private readonly handlers = new Map<string, ActionHandler>();

  associate(name: string, handler: ActionHandler): void {
    this.handlers.set(name, handler);
  }

  names(): string[] {
    return [...this.handlers.keys()];
  }

  run(name: string): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler)
      return Promise.reject(
        new Error(`No action "${name}" is associated (have: ${this.names().join(", ")}).`)
      );
    return new Promise<void>((resolve, reject) => {
      Promise.resolve(handler({ completed: () => resolve() })).catch(reject);
    });
  }
}

/** The `Office` global: onReady, requirement sets, document settings, actions and enums. */
export function makeOffice(level: string, settings: DocumentSettings, actions: Actions): object {
  const info = { host: "Excel", platform: "OfficeOnline" };
  const requirements = strictNamespace("Office.context.requirements", {
    isSetSupported: (name: string, minVersion?: string | number) =>
      isSetSupported(level, name, minVersion),
  });
  const document = strictNamespace("Office.context.document", {
    settings: strictNamespace("Office.Settings", settings),
  });
  return strictNamespace("Office", {
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return Promise.resolve(info).then((value) => {
        callback?.(value);
        return value;
      });
    },
    context: strictNamespace("Office.context", { requirements, document }),
    actions: strictNamespace("Office.actions", {
      associate: (name: string, handler: ActionHandler) => actions.associate(name, handler),
    }),
    HostType: {
      Excel: "Excel",
      Word: "Word",
      PowerPoint: "PowerPoint",
      Outlook: "Outlook",
      OneNote: "OneNote",
    },
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  });
}
