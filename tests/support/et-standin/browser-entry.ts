import { installEtStandIn, type EtStandInOptions } from "./index";

/**
 * Entry for a browser page (bundled as an IIFE, injected before the pane's bundle): installs the
 * ET stand-in as window.Application, as WPS gives its add-in pages, with the options the page sets
 * in window.__etStandInOptions, and exposes the handle as window.__etStandIn for assertions.
 */
const page = globalThis as unknown as Record<string, unknown>;
page.__etStandIn = installEtStandIn({
  ...((page.__etStandInOptions as EtStandInOptions | undefined) ?? {}),
  target: page,
});
