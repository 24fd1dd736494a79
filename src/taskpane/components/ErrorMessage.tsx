import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons";
import type { PaneError } from "../paneError";

const useStyles = makeStyles({
  detail: { marginTop: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200 },
  raw: { whiteSpace: "pre-wrap", wordBreak: "break-all", fontFamily: tokens.fontFamilyMonospace },
});

export interface ErrorMessageProps {
  error: PaneError;
  onDismiss?(): void;
}

/** A failure in Chinese; a programming error's own text stays folded away under 详细信息. */
export function ErrorMessage({ error, onDismiss }: ErrorMessageProps) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>出错了</MessageBarTitle>
        {error.message}
        {error.detail && (
          <details className={styles.detail}>
            <summary>详细信息</summary>
            <code className={styles.raw}>{error.detail}</code>
          </details>
        )}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              aria-label="关闭"
              icon={<Dismiss20Regular />}
              onClick={onDismiss}
            />
          }
        />
      )}
    </MessageBar>
  );
}
