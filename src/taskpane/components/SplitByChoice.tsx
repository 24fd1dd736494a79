import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import type { SplitBy } from "../useTrackingFlows";

export interface SplitByChoiceProps {
  value: SplitBy;
  disabled: boolean;
  // eslint-disable-next-line no-unused-vars -- the base rule misreads parameter names in .tsx types; tsc checks unused names
  onChange(value: SplitBy): void;
}

/** Whether 生成单位表 makes a sheet per 牵头单位 or per 分管领导. */
export function SplitByChoice({ value, disabled, onChange }: SplitByChoiceProps) {
  return (
    <Field label="单位表分组" size="small">
      <RadioGroup
        layout="horizontal"
        value={value}
        disabled={disabled}
        onChange={(_, data) => onChange(data.value === "leader" ? "leader" : "unit")}
      >
        <Radio value="unit" label="按牵头单位" />
        <Radio value="leader" label="按分管领导" />
      </RadioGroup>
    </Field>
  );
}
