import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import {
  ArrowImport20Regular,
  ArrowSync20Regular,
  BookContacts20Regular,
  DataBarVertical20Regular,
  DocumentArrowDown20Regular,
  DocumentArrowUp20Regular,
  DocumentTable20Regular,
  Eraser20Regular,
  ShieldCheckmark20Regular,
  TableSplit20Regular,
} from "@fluentui/react-icons";

const useStyles = makeStyles({
  // Two to a row in a 350 px pane, so five-character labels stay on one line; more in a wider pane.
  root: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(136px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
});

/**
 * What 导入分解表 offers: text saved from Word, and workbooks (.xls too, so that it is refused
 * with what to do rather than hidden from the dialog).
 */
const TABLE_FILES = [
  ".txt",
  ".xlsx",
  ".xlsm",
  ".xls",
  "text/plain",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel.sheet.macroEnabled.12",
].join(",");

export interface ActionBarProps {
  busy: boolean;
  /** The pane was opened by the ribbon's 导入分解表: that button starts focused and stands out. */
  atImport?: boolean;
  /** The 检查日期 is a date: 校验, 生成单位表 and 汇总 judge deadlines by it. */
  canValidate: boolean;
  onImport(): void;
  // eslint-disable-next-line no-unused-vars -- as onCollect below
  onImportFile(file: File): void;
  onValidate(): void;
  onClearMarks(): void;
  onGenerateRoster(): void;
  onBuildUnitSheets(): void;
  onBackfill(): void;
  onSummarize(): void;
  onDistribute(): void;
  // eslint-disable-next-line no-unused-vars -- the base rule misreads parameter names in .tsx types; tsc checks unused names
  onCollect(files: File[]): void;
}

export function ActionBar(props: ActionBarProps) {
  const { busy, canValidate } = props;
  const styles = useStyles();
  const picker = useRef<HTMLInputElement>(null);
  const tablePicker = useRef<HTMLInputElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const { atImport } = props;
  useEffect(() => {
    if (atImport) importButton.current?.focus();
  }, [atImport]);
  return (
    <div className={styles.root} role="toolbar" aria-label="操作">
      <Button
        ref={importButton}
        appearance={atImport ? "primary" : undefined}
        icon={<DocumentTable20Regular />}
        disabled={busy}
        onClick={() => tablePicker.current?.click()}
      >
        导入分解表
      </Button>
      <input
        ref={tablePicker}
        type="file"
        accept={TABLE_FILES}
        hidden
        aria-label="选择责任分解表文件（.txt 文本或 .xlsx 工作簿）"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) props.onImportFile(file);
        }}
      />
      <Button icon={<ArrowImport20Regular />} disabled={busy} onClick={props.onImport}>
        导入示例表
      </Button>
      <Button
        appearance="primary"
        icon={<ShieldCheckmark20Regular />}
        disabled={busy || !canValidate}
        onClick={props.onValidate}
      >
        校验
      </Button>
      <Button icon={<Eraser20Regular />} disabled={busy} onClick={props.onClearMarks}>
        清除标记
      </Button>
      <Button icon={<BookContacts20Regular />} disabled={busy} onClick={props.onGenerateRoster}>
        生成名册
      </Button>
      <Button
        icon={<TableSplit20Regular />}
        disabled={busy || !canValidate}
        onClick={props.onBuildUnitSheets}
      >
        生成单位表
      </Button>
      <Button icon={<ArrowSync20Regular />} disabled={busy} onClick={props.onBackfill}>
        回收单位表进展
      </Button>
      <Button
        icon={<DataBarVertical20Regular />}
        disabled={busy || !canValidate}
        onClick={props.onSummarize}
      >
        汇总
      </Button>
      <Button
        icon={<DocumentArrowDown20Regular />}
        disabled={busy || !canValidate}
        onClick={props.onDistribute}
      >
        下发单位表
      </Button>
      <Button
        icon={<DocumentArrowUp20Regular />}
        disabled={busy}
        onClick={() => picker.current?.click()}
      >
        回收进展
      </Button>
      <input
        ref={picker}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        aria-label="选择各单位报回的文件"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = "";
          props.onCollect(files);
        }}
      />
    </div>
  );
}
