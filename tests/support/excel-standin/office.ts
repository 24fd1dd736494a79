import { isSetSupported } from "./requirements";
import { strictNamespace } from "./strict";
import type { WorkbookModel } from "./model/workbook";

type AsyncCallback = (result: {
  status: "succeeded" | "failed";
  value: unknown;
  error?: { code: number; name: string; message: string };
  asyncContext?: unknown;
}) => void;

/**
 * The most document settings Excel saves, as JSON. Microsoft states about 2 MB; office-js #621
 * and #3957 report saves failing near 1 MB on Excel 2021. A guess on the strict side.
 */
export const SETTINGS_LIMIT_BYTES = 1_000_000;

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Office.context.document.settings: an in-memory copy of the settings stored in the document,
 * one per runtime, taken when the runtime loads; set/remove change the copy, saveAsync writes
 * it into the document (JSON, like Office) — refused over the size limit — and refreshAsync
 * takes a fresh copy. Another runtime's copy is not told of a save.
 */
export class DocumentSettings {
  private memory: Record<string, unknown>;
  saves = 0;

  constructor(
    private readonly wb: WorkbookModel,
    private readonly limitBytes = SETTINGS_LIMIT_BYTES
  ) {
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
    const bytes = new TextEncoder().encode(JSON.stringify(this.memory)).length;
    if (bytes > this.limitBytes) {
      const message = `The settings (${bytes} bytes) exceed the ${this.limitBytes} bytes a document keeps.`;
      void Promise.resolve().then(() =>
        done?.({
          status: "failed",
          value: undefined,
          error: { code: 5001, name: "Internal Error", message },
          asyncContext,
        })
      );
      return;
    }
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

/** The settings copy of the runtime that is running: the pane's, or the ribbon commands'. */
export class RuntimeSettings {
  private readonly pane: DocumentSettings;
  private commands: DocumentSettings | null = null;
  current: DocumentSettings;

  constructor(
    private readonly wb: WorkbookModel,
    private readonly shared: boolean
  ) {
    this.pane = new DocumentSettings(wb);
    this.current = this.pane;
  }

  enter(runtime: "pane" | "commands"): void {
    if (runtime === "pane" || this.shared) this.current = this.pane;
    else this.current = this.commands ??= new DocumentSettings(this.wb);
  }

  get saves(): number {
    return this.pane.saves + (this.commands?.saves ?? 0);
  }

  /** Office.context.document.settings: whichever runtime's copy is current. */
  facade(): Pick<DocumentSettings, "get" | "set" | "remove" | "saveAsync" | "refreshAsync"> {
    return {
      get: (name) => this.current.get(name),
      set: (name, value) => this.current.set(name, value),
      remove: (name) => this.current.remove(name),
      saveAsync: (options, callback) => this.current.saveAsync(options, callback),
      refreshAsync: (callback) => this.current.refreshAsync(callback),
    };
  }
}

type ActionHandler = (event: { completed(): void }) => unknown;

/**
 * Office.actions.associate: the ribbon's function file registers its handlers here; a test runs
 * one as a ribbon click would, and waits until the handler calls event.completed(). Without a
 * shared runtime the handler runs in the commands runtime, with that runtime's own settings
 * copy (taken at its first click): `runtimes` switches Office.context.document.settings to it
 * for the handler's run.
 */
export class Actions {
  private readonly handlers = new Map<string, ActionHandler>();

  constructor(private readonly runtimes?: RuntimeSettings) {}

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
    this.runtimes?.enter("commands");
    return new Promise<void>((resolve, reject) => {
      Promise.resolve(handler({ completed: () => resolve() })).catch(reject);
    }).finally(() => this.runtimes?.enter("pane"));
  }
}

/** The `Office` global: onReady, requirement sets, document settings, actions and enums. */
export function makeOffice(level: string, settings: RuntimeSettings, actions: Actions): object {
  const info = { host: "Excel", platform: "OfficeOnline" };
  const requirements = strictNamespace("Office.context.requirements", {
    isSetSupported: (name: string, minVersion?: string | number) =>
      isSetSupported(level, name, minVersion),
  });
  const document = strictNamespace("Office.context.document", {
    settings: strictNamespace("Office.Settings", settings.facade()),
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
