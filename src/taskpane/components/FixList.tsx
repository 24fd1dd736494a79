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
});

export interface FixListProps {
  fixes: Fix[];
  disabled: boolean;
  // eslint-disable-next-line no-unused-vars -- the base rule misreads parameter names in .tsx types; tsc checks unused names
  onApply(fixes: Fix[]): void;
}

/**
 * The safe fixes of the last 校验, all ticked at first. Mount it with a new key per 校验 so the
 * ticks start over with the new list.
 */
export function FixList({ fixes, disabled, onApply }: FixListProps) {
  const styles = useStyles();
  const [unticked, setUnticked] = useState<ReadonlySet<number>>(new Set());
  const selected = fixes.filter((_, i) => !unticked.has(i));
  const allState = unticked.size === 0 ? true : selected.length === 0 ? false : "mixed";

  const toggle = (i: number, checked: boolean) => {
    const next = new Set(unticked);
    if (checked) next.delete(i);
    else next.add(i);
    setUnticked(next);
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
        onChange={(_, data) =>
          setUnticked(data.checked === true ? new Set() : new Set(fixes.keys()))
        }
      />
      <ul className={styles.list}>
        {fixes.map((fix, i) => (
          <li key={`${fix.address}-${i}`}>
            <Checkbox
              checked={!unticked.has(i)}
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
