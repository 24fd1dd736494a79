import { Body1, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { WorkbookActions } from "./actions";
import type { PaneStart } from "./host";
import { ActionBar } from "./components/ActionBar";
import { ConfirmDialog } from "./components/ConfirmDialog";
import { ConflictList } from "./components/ConflictList";
import { DecisionList } from "./components/DecisionList";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { ErrorMessage } from "./components/ErrorMessage";
import { FixList } from "./components/FixList";
import { Header } from "./components/Header";
import { IssueFilter } from "./components/IssueFilter";
import { IssueList } from "./components/IssueList";
import { ProblemList } from "./components/ProblemList";
import { ProgressPanel } from "./components/ProgressPanel";
import { StartHint } from "./components/StartHint";
import { SummaryPanel } from "./components/SummaryPanel";
import { TrackingSettings } from "./components/TrackingSettings";
import { ValidationSummary } from "./components/ValidationSummary";
import { groupIssues, type SeverityFilter } from "./issueGroups";
import { useDistributeFlows } from "./useDistributeFlows";
import { useTaskPane } from "./useTaskPane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100vh" },
  // Title, date and progress stay in view while the list scrolls: a third of a 350 × 700 pane
  // at most, so the buttons scroll with the list rather than stand over it.
  top: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    maxHeight: "33vh",
    overflowY: "auto",
  },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
});

export interface AppProps {
  actions: WorkbookActions;
  /**
   * Where the pane opens: "import" when the ribbon's 导入分解表 opened it (taskpane.html?start=import).
   * A ribbon button cannot show a file dialog, so the pane points at its own button instead.
   */
  start?: PaneStart;
}

function Pane({ actions, start }: AppProps) {
  const styles = useStyles();
  const pane = useTaskPane(actions);
  const { task, outcome, tracking } = pane;
  const [filter, setFilter] = useState<SeverityFilter>("all");
  const groups = useMemo(
    () => (outcome ? groupIssues(outcome.issues, filter) : []),
    [outcome, filter]
  );
  const busy = task.busy !== null;
  // Shown until a file is picked: what the ribbon's 导入分解表 button could not do itself.
  const [importHint, setImportHint] = useState(start === "import");
  const distribute = useDistributeFlows(actions, task, pane.checkDate);

  return (
    <div
      className={styles.root}
      // Returned files dropped anywhere on the pane are taken in as 回收进展.
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        if (!busy) void distribute.collect(Array.from(event.dataTransfer.files));
      }}
    >
      <div className={styles.top}>
        <Header
          info={pane.info}
          checkDate={pane.checkDate}
          checkDateValid={pane.checkDateValid}
          onCheckDateChange={pane.setCheckDate}
          disabled={busy}
        />
        {task.busy && (
          <ProgressPanel
            busy={task.busy}
            onCancel={distribute.cancelable ? distribute.cancel : undefined}
          />
        )}
      </div>
      <main className={styles.body}>
        {importHint && (
          <MessageBar intent="info">
            <MessageBarBody>
              请点「导入分解表」，选择从 Word 复制后保存的文本（.txt）或分解表工作簿（.xlsx）。
            </MessageBarBody>
          </MessageBar>
        )}
        <ActionBar
          busy={busy}
          atImport={start === "import"}
          canValidate={pane.checkDateValid}
          onImport={() => void pane.importSeeds()}
          onImportFile={(file) => {
            setImportHint(false);
            void pane.importFile(file);
          }}
          onValidate={() => void pane.validate()}
          onClearMarks={() => void pane.clearMarks()}
          onGenerateRoster={() => void pane.generateRoster()}
          onBuildUnitSheets={() => void tracking.buildUnitSheets()}
          onBackfill={() => void tracking.backfill()}
          onSummarize={() => void tracking.summarize()}
          onDistribute={() => void distribute.distribute()}
          onCollect={(files) => void distribute.collect(files)}
        />
        <TrackingSettings
          splitBy={tracking.splitBy}
          dueSoonDays={tracking.dueSoonDays}
          disabled={busy}
          onSplitByChange={tracking.setSplitBy}
          onDueSoonDaysChange={tracking.setDueSoonDays}
        />
        {task.error && <ErrorMessage error={task.error} onDismiss={task.dismissError} />}
        {task.notice && (
          <MessageBar intent="success">
            <MessageBarBody>{task.notice}</MessageBarBody>
          </MessageBar>
        )}
        <ProblemList title="导入时未能读取的内容" problems={pane.importProblems} />
        <ProblemList title="回填未能处理的内容" problems={tracking.backfillProblems} />
        {distribute.pending && (
          <DecisionList
            result={distribute.pending}
            choices={distribute.choices}
            disabled={busy}
            onChoose={distribute.choose}
            onApply={() => void distribute.apply()}
            onDiscard={distribute.discard}
          />
        )}
        {tracking.conflicts.length > 0 && (
          <ConflictList
            conflicts={tracking.conflicts}
            choices={tracking.choices}
            disabled={busy}
            onChoose={tracking.choose}
            onApply={() => void tracking.applyChoices()}
          />
        )}
        {tracking.summary && (
          <SummaryPanel
            outcome={tracking.summary}
            copied={tracking.copied}
            disabled={busy}
            onCopy={(kind) => void tracking.copy(kind)}
          />
        )}
        {outcome ? (
          <>
            <ValidationSummary
              outcome={outcome}
              disabled={busy}
              onChooseColumn={(choice) => void pane.setColumnMeaning(choice)}
            />
            {outcome.fixes.length > 0 && (
              <FixList
                key={pane.outcomeSerial}
                fixes={outcome.fixes}
                disabled={busy}
                onApply={(fixes) => void pane.applyFixes(fixes)}
              />
            )}
            {outcome.issues.length > 0 && (
              <>
                <IssueFilter value={filter} totals={outcome.totals} onChange={setFilter} />
                {groups.length > 0 ? (
                  <IssueList
                    groups={groups}
                    disabled={busy}
                    onSelect={(address) => void pane.selectCell(address)}
                  />
                ) : (
                  <Body1>没有此类问题。</Body1>
                )}
              </>
            )}
          </>
        ) : (
          !busy &&
          !tracking.summary &&
          !distribute.pending &&
          tracking.conflicts.length === 0 && <StartHint info={pane.info} />
        )}
      </main>
      <ConfirmDialog
        request={pane.confirm.request}
        open={pane.confirm.open}
        onAnswer={pane.confirm.answer}
      />
    </div>
  );
}

/** The task pane of 督办助手. It reaches the workbook only through `actions`. */
export function App({ actions, start }: AppProps) {
  return (
    <ErrorBoundary>
      <Pane actions={actions} start={start} />
    </ErrorBoundary>
  );
}
