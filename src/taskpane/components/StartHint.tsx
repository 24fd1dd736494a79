import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookInfo } from "../actions";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  sheets: { color: tokens.colorNeutralForeground3 },
});

/** What to do first, before any 校验: which sheets will be checked, or how to get some. */
export function StartHint({ info }: { info: WorkbookInfo | null }) {
  const styles = useStyles();
  if (!info) return null;
  if (info.tableSheets.length === 0) {
    return (
      <Body1>
        工作簿中还没有可识别的责任分解表。可点击「导入分解表」选择从 Word
        复制后保存的分解表文本（.txt）或分解表工作簿（.xlsx），或点击「导入示例表」载入示例表格，也可切换到含责任分解表的工作簿。
      </Body1>
    );
  }
  return (
    <div className={styles.root}>
      <Body1>已识别 {info.tableSheets.length} 张责任分解表，点击「校验」开始检查。</Body1>
      <Caption1 className={styles.sheets}>{info.tableSheets.join("、")}</Caption1>
    </div>
  );
}
