import type { EtApplication, EtWorksheet } from "./et";

/**
 * Application state one command changes on its way, set only when a call needs it and put back
 * afterwards, so a command that needs neither costs no call for them.
 */

/**
 * DisplayAlerts turned off only before a call that would ask the user (deleting a sheet, merging
 * cells that hold several values), and put back as it was.
 */
export class Alerts {
  private was: boolean | null = null;

  constructor(private readonly app: EtApplication) {}

  off(): void {
    if (this.was !== null) return;
    this.was = this.app.DisplayAlerts;
    this.app.DisplayAlerts = false;
  }

  restore(): void {
    if (this.was !== null) this.app.DisplayAlerts = this.was;
    this.was = null;
  }
}

/** The active sheet as this command's own calls left it: activating it again costs no call. */
export class ActiveSheet {
  private current: EtWorksheet | null = null;

  activate(sheet: EtWorksheet): void {
    if (this.current === sheet) return;
    sheet.Activate();
    this.current = sheet;
  }

  /** A call made `sheet` active by itself (Worksheets.Add), or left it unknown (null). */
  became(sheet: EtWorksheet | null): void {
    this.current = sheet;
  }
}
