import {
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  SpinButton,
  tokens,
} from "@fluentui/react-components";
import { MAX_DUE_SOON_DAYS, type SplitBy } from "../useTrackingFlows";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "end",
    columnGap: tokens.spacingHorizontalL,
  },
  days: { width: "72px" },
});

export interface TrackingSettingsProps {
  splitBy: SplitBy;
  dueSoonDays: number;
  disabled: boolean;
  // eslint-disable-next-line no-unused-vars -- the base rule misreads parameter names in .tsx types; tsc checks unused names
  onSplitByChange(value: SplitBy): void;
  // eslint-disable-next-line no-unused-vars -- as above
  onDueSoonDaysChange(days: number): void;
}

/** A typed number of days, or null while it is not one yet (empty, negative, too large). */
function daysOf(value: number | null | undefined, displayValue: string | undefined): number | null {
  const days = value ?? (displayValue !== undefined ? Number(displayValue.trim()) : NaN);
  return Number.isInteger(days) && days >= 0 && days <= MAX_DUE_SOON_DAYS ? days : null;
}

/** Whether 生成单位表 makes a sheet per 牵头单位 or per 分管领导, and how many days count as 即将到期. */
export function TrackingSettings(props: TrackingSettingsProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Field label="单位表分组" size="small">
        <RadioGroup
          layout="horizontal"
          value={props.splitBy}
          disabled={props.disabled}
          onChange={(_, data) => props.onSplitByChange(data.value === "leader" ? "leader" : "unit")}
        >
          <Radio value="unit" label="按牵头单位" />
          <Radio value="leader" label="按分管领导" />
        </RadioGroup>
      </Field>
      <Field label="即将到期天数" size="small">
        <SpinButton
          className={styles.days}
          size="small"
          min={0}
          max={MAX_DUE_SOON_DAYS}
          value={props.dueSoonDays}
          disabled={props.disabled}
          onChange={(_, data) => {
            const days = daysOf(data.value, data.displayValue);
            if (days !== null) props.onDueSoonDaysChange(days);
          }}
        />
      </Field>
    </div>
  );
}
