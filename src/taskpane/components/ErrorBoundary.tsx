import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Component, type ReactNode } from "react";
import { toPaneError, type PaneError } from "../paneError";
import { ErrorMessage } from "./ErrorMessage";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  retry: { alignSelf: "flex-start" },
});

function Fallback({ error, onRetry }: { error: PaneError; onRetry(): void }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <ErrorMessage error={error} />
      <Button className={styles.retry} onClick={onRetry}>
        重新显示
      </Button>
    </div>
  );
}

interface State {
  error: PaneError | null;
}

/** A rendering bug leaves a Chinese message and a way back, never a blank pane. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: toPaneError(error) };
  }

  render() {
    if (this.state.error)
      return <Fallback error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
