import { Tab, TabList } from "@fluentui/react-components";
import { SEVERITY_LABEL, type SeverityTotals } from "../../core/rules/schema";
import type { SeverityFilter } from "../issueGroups";

const FILTERS: SeverityFilter[] = ["all", "error", "warning", "info"];

export interface IssueFilterProps {
  value: SeverityFilter;
  totals: SeverityTotals;
  // eslint-disable-next-line no-unused-vars -- the base rule misreads parameter names in .tsx types; tsc checks unused names
  onChange(filter: SeverityFilter): void;
}

function count(filter: SeverityFilter, totals: SeverityTotals): number {
  return filter === "all" ? totals.error + totals.warning + totals.info : totals[filter];
}

/** Which severities the issue list shows; each tab carries its count. */
export function IssueFilter({ value, totals, onChange }: IssueFilterProps) {
  return (
    <TabList
      size="small"
      selectedValue={value}
      onTabSelect={(_, data) => onChange(data.value as SeverityFilter)}
      aria-label="按严重程度筛选"
    >
      {FILTERS.map((filter) => (
        <Tab key={filter} value={filter}>
          {filter === "all" ? "全部" : SEVERITY_LABEL[filter]} {count(filter, totals)}
        </Tab>
      ))}
    </TabList>
  );
}
