import {
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { Wrench20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import type { Fix } from "../actions";
import { placeOf } from "../format";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, paddingLeft: tokens.spacingHorizontalS },
  // A long list scrolls inside its box so the issue list below stays in reach.
  list: { listStyleType: "none", margin: 0, padding: 0, maxHeight: "160px", overflowY: "auto" },
  label: { display: "flex", flexDirection: "column" },
  place: { color: tokens.colorNeutralForeground3 },
  apply: { alignSelf: "flex-start" },
  summary: { cursor: "pointer", paddingLeft: tokens.spacingHorizontalS },
});

export interface FixListProps {
  fixes: Fix[];
  disabled: boolean;
  // eslint-disable-next-line no-unused-vars -- the base rule misreads parameter names in .tsx types; tsc checks unused names
  onApply(fixes: Fix[]): void;
}

/** Fixes that only fill what is empty (a lost 序号 from its neighbours): ticked from the start. */
const RISK_FREE: ReadonlySet<Fix["kind"]> = new Set(["fill-seq"]);

/** A list this long starts folded, so the issue list below stays in reach. */
const FOLD_OVER = 8;

/**
 * The safe fixes of the last 校验. Only the risk-free ones start ticked: a name changed or split
 * is the user's call. Mount it with a new key per 校验 so the ticks start over with the new list.
 */
export function FixList({ fixes, disabled, onApply }: FixListProps) {
  const styles = useStyles();
  const [ticked, setTicked] = useState<ReadonlySet<number>>(
    () => new Set(fixes.flatMap((f, i) => (RISK_FREE.has(f.kind) ? [i] : [])))
  );
  const selected = fixes.filter((_, i) => ticked.has(i));
  const allState =
    selected.length === fixes.length ? true : selected.length === 0 ? false : "mixed";

  const toggle = (i: number, checked: boolean) => {
    const next = new Set(ticked);
    if (checked) next.add(i);
    else next.delete(i);
    setTicked(next);
  };

  return (
    <section className={styles.root} aria-labelledby="fixes-title">
      <Subtitle2 as="h2" id="fixes-title" className={styles.title}>
        可自动修正（{fixes.length} 项）
      </Subtitle2>
      <Checkbox
        label="全选"
        checked={allState}
        disabled={disabled}
        onChange={(_, data) => setTicked(data.checked === true ? new Set(fixes.keys()) : new Set())}
      />
      <details open={fixes.length <= FOLD_OVER}>
        <summary className={styles.summary}>
          逐项查看（已选 {selected.length} / {fixes.length} 项）
        </summary>
        <ul className={styles.list}>
          {fixes.map((fix, i) => (
            <li key={`${fix.address}-${i}`}>
              <Checkbox
                checked={ticked.has(i)}
                disabled={disabled}
                onChange={(_, data) => toggle(i, data.checked === true)}
                label={
                  <span className={styles.label}>
                    <span>{fix.label}</span>
                    <Caption1 className={styles.place}>{placeOf(fix.address)}</Caption1>
                  </span>
                }
              />
            </li>
          ))}
        </ul>
      </details>
      <Button
        className={styles.apply}
        icon={<Wrench20Regular />}
        disabled={disabled || selected.length === 0}
        onClick={() => onApply(selected)}
      >
        应用所选修正
      </Button>
    </section>
  );
}
