import { detectHost } from "../../src/taskpane/host";
import { installEtStandIn } from "../support/et-standin";
import { installStandIn } from "../support/excel-standin";

/** The pane picks its host once at start: WPS by window.Application without Office.js. */

test("a WPS page (window.Application, no Office.js) runs the pane on WPS", () => {
  const page: Record<string, unknown> = {};
  const et = installEtStandIn({ target: page });
  try {
    expect(detectHost(page)).toBe("wps");
    // Looking costs WPS nothing: no ET call is made to decide.
    expect(et.stats.calls).toBe(0);
  } finally {
    et.uninstall();
  }
});

test("an Office.js page runs the pane on Excel, also where some script defined an Application", () => {
  const page: Record<string, unknown> = {};
  const excel = installStandIn({ target: page });
  try {
    expect(detectHost(page)).toBe("office");
    page.Application = { Name: "not ET" };
    expect(detectHost(page)).toBe("office");
  } finally {
    excel.uninstall();
  }
});

test("a page with neither waits for Office.js (the Excel start page explains when it never comes)", () => {
  expect(detectHost({})).toBe("office");
});
