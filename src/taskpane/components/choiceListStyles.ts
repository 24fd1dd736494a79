import { makeStyles, tokens } from "@fluentui/react-components";

/** The framed list of choices the pane asks about (回填's conflicts, 回收's decisions). */
export const useChoiceListStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteMarigoldBorder2}`,
  },
  title: { margin: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  apply: { alignSelf: "flex-start" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
});
