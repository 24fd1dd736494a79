import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { IssueGroup } from "../issueGroups";
import { IssueRow } from "./IssueRow";
import { SEVERITY_COLOR } from "./ValidationSummary";

/** Rows rendered per group at first: a rule can hit thousands of rows in a big workbook. */
const PAGE = 50;

const useStyles = makeStyles({
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, width: "100%" },
  title: { flexGrow: 1 },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  more: { marginTop: tokens.spacingVerticalXS },
});

export interface IssueListProps {
  groups: IssueGroup[];
  disabled: boolean;
  // eslint-disable-next-line no-unused-vars -- the base rule misreads parameter names in .tsx types; tsc checks unused names
  onSelect(address: string): void;
}

function GroupPanel({
  group,
  disabled,
  onSelect,
}: { group: IssueGroup } & Omit<IssueListProps, "groups">) {
  const styles = useStyles();
  const [shown, setShown] = useState(PAGE);
  const rest = group.issues.length - shown;
  return (
    <AccordionPanel>
      <ul className={styles.list}>
        {group.issues.slice(0, shown).map((issue, i) => (
          <li key={`${issue.address}-${i}`}>
            <IssueRow issue={issue} disabled={disabled} onSelect={onSelect} />
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <Button
          className={styles.more}
          appearance="subtle"
          size="small"
          onClick={() => setShown(shown + PAGE)}
        >
          再显示 {Math.min(rest, PAGE)} 条（还有 {rest} 条）
        </Button>
      )}
    </AccordionPanel>
  );
}

/** The issues, one collapsible panel per rule with its Chinese title and count. */
export function IssueList({ groups, disabled, onSelect }: IssueListProps) {
  const styles = useStyles();
  return (
    <Accordion multiple collapsible aria-label="问题列表">
      {groups.map((group) => (
        <AccordionItem key={group.rule} value={group.rule}>
          <AccordionHeader size="small">
            <span className={styles.heading}>
              <span className={styles.title}>{group.title}</span>
              <Badge appearance="tint" color={SEVERITY_COLOR[group.severity]}>
                {group.issues.length}
              </Badge>
            </span>
          </AccordionHeader>
          <GroupPanel group={group} disabled={disabled} onSelect={onSelect} />
        </AccordionItem>
      ))}
    </Accordion>
  );
}
