import { Body1, makeStyles, Title2, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
  },
});

export function App() {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">督办助手</Title2>
      <Body1>检查责任分解表的完成时限、分管领导和牵头单位，标出需要核实的单元格。</Body1>
    </main>
  );
}
