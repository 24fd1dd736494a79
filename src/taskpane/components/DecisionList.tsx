import { Body1, Button, Caption1, Radio, RadioGroup, Subtitle2 } from "@fluentui/react-components";
import { Checkmark20Regular, Dismiss20Regular } from "@fluentui/react-icons";
import { useId } from "react";
import type { CollectReview } from "../actions";
import { useChoiceListStyles } from "./choiceListStyles";

export interface DecisionListProps {
  result: CollectReview;
  choices: readonly number[];
  disabled: boolean;
  // eslint-disable-next-line no-unused-vars -- the base rule misreads parameter names in .tsx types; tsc checks unused names
  onChoose(decision: number, option: number): void;
  onApply(): void;
  onDiscard(): void;
}

/**
 * 回收 waiting for the user: each decision says what the master and the return hold, with its
 * options (保留总表的 first, already picked, unless 回收情况 names another for the same
 * conflict); files skipped are named with the reason.
 */
export function DecisionList({
  result,
  choices,
  disabled,
  onChoose,
  onApply,
  onDiscard,
}: DecisionListProps) {
  const styles = useChoiceListStyles();
  const idPrefix = useId();
  return (
    <section className={styles.root} aria-labelledby={`${idPrefix}-title`}>
      <Subtitle2 as="h2" id={`${idPrefix}-title`} className={styles.title}>
        回收待确认（{result.decisions.length} 处）
      </Subtitle2>
      <Caption1>
        已读取 {result.receipts.length} 个文件，可直接写入 {result.writes.length} 处；未回收单位{" "}
        {result.notReturned.length} 个。未改选的保留总表内容。
      </Caption1>
      {result.skipped.length > 0 && (
        <ul className={styles.list} aria-label="未能读取的文件">
          {result.skipped.map((s) => (
            <li key={s.file}>
              <Caption1>{s.reason}</Caption1>
            </li>
          ))}
        </ul>
      )}
      <ul className={styles.list}>
        {result.decisions.map((decision, i) => {
          const messageId = `${idPrefix}-${i}`;
          return (
            <li key={messageId}>
              <Body1 id={messageId}>{decision.message}</Body1>
              {result.recorded?.[i] != null && (
                <Caption1>已按「回收情况」中填写的处理预选，可改选。</Caption1>
              )}
              <RadioGroup
                aria-labelledby={messageId}
                disabled={disabled}
                value={String(choices[i] ?? 0)}
                onChange={(_, data) => onChoose(i, Number(data.value))}
              >
                {decision.options.map((option, n) => (
                  <Radio key={option.label} value={String(n)} label={option.label} />
                ))}
              </RadioGroup>
            </li>
          );
        })}
      </ul>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<Checkmark20Regular />}
          disabled={disabled}
          onClick={onApply}
        >
          写入总表
        </Button>
        <Button icon={<Dismiss20Regular />} disabled={disabled} onClick={onDiscard}>
          放弃本次回收
        </Button>
      </div>
    </section>
  );
}
