/**
 * @jest-environment node
 */
import { JSDOM, VirtualConsole } from "jsdom";
import { publishHtml } from "../../src/wps/addin/installer";

/**
 * dist-wps/publish.html in a browser (jsdom), against a stand-in of WPS's local service: the
 * requests it sends must be those the wpsjs toolkit's publish page sends (wpsjs 2.2.3,
 * src/lib/res/publish.html, single-user mode): POST 127.0.0.1:58890/version with "{}", POST
 * /publishlist with no body, POST localhost:58890/deployaddons/runParams with the base64 of the
 * UTF-8 JSON {cmd, name, url, addonType, online}.
 */

jest.setTimeout(20_000);

const BASE = "http://intranet.example/duban/";

interface Sent {
  method: string;
  url: string;
  body: string | undefined;
}

/** A page with XMLHttpRequest answered by `answer` (null: no answer, as when WPS is not running). */
function openPage(answer: (sent: Sent) => { status: number; text: string } | null) {
  const sent: Sent[] = [];
  const navigations: string[] = [];
  // The page starts WPS's service through its protocol; jsdom only reports the navigation.
  const virtualConsole = new VirtualConsole();
  virtualConsole.on("jsdomError", (e) => navigations.push(String(e.message)));
  const dom = new JSDOM(publishHtml("duban", BASE, "1.2.3"), {
    runScripts: "dangerously",
    virtualConsole,
    url: "http://intranet.example/publish.html",
    beforeParse(window) {
      class ServiceXhr {
        status = 0;
        responseText = "";
        timeout = 0;
        onload: (() => void) | null = null;
        onerror: (() => void) | null = null;
        ontimeout: (() => void) | null = null;
        private method = "";
        private url = "";
        open(method: string, url: string) {
          this.method = method;
          this.url = url;
        }
        send(body?: string) {
          const request = { method: this.method, url: this.url, body };
          sent.push(request);
          const reply = answer(request);
          window.setTimeout(() => {
            if (!reply) return this.onerror?.();
            this.status = reply.status;
            this.responseText = reply.text;
            this.onload?.();
          }, 5);
        }
      }
      (window as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = ServiceXhr;
    },
  });
  const doc = dom.window.document;
  const status = () => doc.getElementById("status")!.textContent ?? "";
  const button = (id: string) => doc.getElementById(id) as HTMLButtonElement;
  return { dom, sent, navigations, status, button };
}

const until = async (ready: () => boolean, ms = 8_000) => {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
};

const decoded = (body: string | undefined) =>
  JSON.parse(Buffer.from(body ?? "", "base64").toString("utf8")) as unknown;

test("安装 and 卸载 send what the wpsjs page sends, and the page says what WPS answered", async () => {
  let installed = false;
  const page = openPage(({ url, body }) => {
    if (url === "http://127.0.0.1:58890/version") return { status: 200, text: "1.0.0" };
    if (url === "http://127.0.0.1:58890/publishlist")
      return {
        status: 200,
        text: JSON.stringify(
          installed
            ? [{ name: "duban", addonType: "et", online: "true", url: BASE, enable: "true" }]
            : []
        ),
      };
    if (url === "http://localhost:58890/deployaddons/runParams") {
      installed = (decoded(body) as { cmd: string }).cmd === "enable";
      return { status: 200, text: "OK" };
    }
    return { status: 404, text: "" };
  });
  await until(() => page.status() === "尚未安装。");
  expect(page.sent).toEqual([
    { method: "POST", url: "http://127.0.0.1:58890/version", body: "{}" },
    { method: "POST", url: "http://127.0.0.1:58890/publishlist", body: undefined },
  ]);
  expect(page.button("uninstall").disabled).toBe(true);

  page.sent.length = 0;
  page.button("install").click();
  await until(() => page.status().startsWith("已安装"));
  expect(page.sent.map((s) => [s.method, s.url])).toEqual([
    ["POST", "http://localhost:58890/deployaddons/runParams"],
    ["POST", "http://127.0.0.1:58890/publishlist"],
  ]);
  // Same keys in the same order as the toolkit's page (it leaves out version and customDomain
  // when they are not set, as JSON.stringify does with undefined).
  expect(Buffer.from(page.sent[0].body!, "base64").toString("utf8")).toBe(
    JSON.stringify({ cmd: "enable", name: "duban", url: BASE, addonType: "et", online: "true" })
  );
  expect(page.button("uninstall").disabled).toBe(false);

  page.sent.length = 0;
  page.button("uninstall").click();
  await until(() => page.status() === "尚未安装。");
  expect(decoded(page.sent[0].body)).toEqual({
    cmd: "disable",
    name: "duban",
    url: BASE,
    addonType: "et",
    online: "true",
  });
  page.dom.window.close();
});

test("a refused 安装 says so with WPS's answer", async () => {
  const page = openPage(({ url }) => {
    if (url.endsWith("/version")) return { status: 200, text: "1.0.0" };
    if (url.endsWith("/publishlist")) return { status: 200, text: "[]" };
    return { status: 500, text: "Subserver not available." };
  });
  await until(() => page.status() === "尚未安装。");
  page.button("install").click();
  await until(() => page.status().startsWith("安装失败"));
  expect(page.status()).toBe("安装失败：Subserver not available.");
  page.dom.window.close();
});

test("without WPS's service the page starts it through ksoWPSCloudSvr://, retries, then says what to do", async () => {
  const page = openPage(() => null);
  await until(() => page.status().startsWith("无法连接 WPS"));
  // The first try and three more, the protocol opened once.
  expect(page.sent).toHaveLength(4);
  expect(page.sent.every((s) => s.url === "http://127.0.0.1:58890/version")).toBe(true);
  expect(page.navigations.join("\n")).toMatch(/navigation/i);
  expect(page.button("install").disabled).toBe(true);
  page.dom.window.close();
});
