import { Body1, Button, Radio, RadioGroup, Subtitle2 } from "@fluentui/react-components";
import { Checkmark20Regular } from "@fluentui/react-icons";
import type { Conflict } from "../../core/outputs/backfill";
import { useId } from "react";
import { conflictKey, conflictOptions } from "../conflictOptions";
import { useChoiceListStyles } from "./choiceListStyles";

export interface ConflictListProps {
  conflicts: Conflict[];
  choices: Readonly<Record<string, number>>;
  disabled: boolean;
  // eslint-disable-next-line no-unused-vars -- the base rule misreads parameter names in .tsx types; tsc checks unused names
  onChoose(key: string, option: number): void;
  onApply(): void;
}

/** 回填 conflicts: each says what both sides hold, and the user picks the value to keep. */
export function ConflictList({
  conflicts,
  choices,
  disabled,
  onChoose,
  onApply,
}: ConflictListProps) {
  const styles = useChoiceListStyles();
  const idPrefix = useId();
  const picked = conflicts.filter((c) => choices[conflictKey(c)] !== undefined).length;
  return (
    <section className={styles.root} aria-labelledby={`${idPrefix}-title`}>
      <Subtitle2 as="h2" id={`${idPrefix}-title`} className={styles.title}>
        待确认的冲突（{conflicts.length} 处）
      </Subtitle2>
      <ul className={styles.list}>
        {conflicts.map((conflict, i) => {
          const key = conflictKey(conflict);
          const messageId = `${idPrefix}-${i}`;
          return (
            <li key={key}>
              <Body1 id={messageId}>{conflict.message}</Body1>
              <RadioGroup
                aria-labelledby={messageId}
                layout="horizontal"
                disabled={disabled}
                value={choices[key] === undefined ? "" : String(choices[key])}
                onChange={(_, data) => onChoose(key, Number(data.value))}
              >
                {conflictOptions(conflict).map((option, n) => (
                  <Radio key={option.label} value={String(n)} label={option.label} />
                ))}
              </RadioGroup>
            </li>
          );
        })}
      </ul>
      <Button
        className={styles.apply}
        appearance="primary"
        icon={<Checkmark20Regular />}
        disabled={disabled || picked === 0}
        onClick={onApply}
      >
        应用所选
      </Button>
    </section>
  );
}
