/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { createWpsActions } from "../../src/wps/host";
import { detectHost } from "../../src/taskpane/host";
import { installEtStandIn } from "../support/et-standin";
import { renderPane } from "../taskpane/renderPane";
import { defaultRoster } from "../../src/core/roster";
import { validate } from "../../src/core/rules";
import { seedTables } from "../support/seeds";
import { etColor } from "./support";

/** The real pane on the ET stand-in in jsdom: started as index.tsx starts it, 校验 from its button. */

jest.setTimeout(120_000);

test("in a WPS page the pane runs on WPS: 校验 from the pane marks the workbook and shows the summary", async () => {
  const et = installEtStandIn({ target: window as unknown as Record<string, unknown> });
  try {
    expect(detectHost(window)).toBe("wps");
    const actions = createWpsActions();
    await actions.importSeeds(() => undefined);
    await renderPane(actions);
    expect(screen.getByText("2022年")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("检查日期"), { target: { value: "2022-09-30" } });
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    // The same figures the core gives for the seed tables on that day.
    const { totals } = validate(seedTables(), { roster: defaultRoster(), checkDate: "2022-09-30" });
    await screen.findByText(
      new RegExp(
        `^校验完成：共 170 行，错误 ${totals.error} 处，警告 ${totals.warning} 处，提示 ${totals.info} 处。`
      )
    );
    expect(et.workbook.sheet("市重点工作").cell("C15").fill).toBe(etColor("#FFC7CE"));
  } finally {
    et.uninstall();
  }
});
