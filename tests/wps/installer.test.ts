/**
 * @jest-environment node
 */
import { JSDOM, VirtualConsole } from "jsdom";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { publishHtml } from "../../src/wps/addin/installer";
import { multiUserSetting, publishWps } from "../../src/wps/addin/publish";

/**
 * dist-wps/publish.html in a browser (jsdom), against a stand-in of WPS's local service: the
 * requests it sends must be those the wpsjs toolkit's publish page sends (wpsjs 2.2.3,
 * src/lib/res/publish.html). Single-user mode: POST 127.0.0.1:58890/version with "{}", POST
 * /publishlist with no body, POST localhost:58890/deployaddons/runParams with the base64 of the
 * UTF-8 JSON {cmd, name, url, addonType, online}. Multi-user mode: the browser's serverId in
 * /version's body and the protocol link, and, from service 1.0.2 on, {"serverId"} to /publishlist
 * and {"serverId", "data": that base64} to runParams.
 */

jest.setTimeout(20_000);

/** Where the page navigated to (jsdom does not navigate; the ksoWPSCloudSvr:// link is recorded). */
const navigations: string[] = [];
jest.mock("jsdom/lib/jsdom/living/window/navigation", () => {
  const actual = jest.requireActual("jsdom/lib/jsdom/living/window/navigation");
  const { serializeURL } = jest.requireActual("whatwg-url");
  return {
    ...actual,
    navigate: (window: unknown, url: unknown, flags: unknown) => {
      navigations.push(serializeURL(url));
      return actual.navigate(window, url, flags);
    },
  };
});

const BASE = "http://intranet.example/duban/";

interface Sent {
  method: string;
  url: string;
  body: string | undefined;
}

/**
 * A page with XMLHttpRequest answered by `answer` (null: no answer, as when WPS is not running);
 * `serverId`: one the browser kept from an earlier visit.
 */
function openPage(
  answer: (sent: Sent) => { status: number; text: string } | null,
  options: { multiUser?: boolean; serverId?: string; html?: string } = {}
) {
  const sent: Sent[] = [];
  navigations.length = 0;
  const errors: string[] = [];
  // jsdom reports each navigation as not implemented; anything else is a fault of the page.
  const virtualConsole = new VirtualConsole();
  virtualConsole.on("jsdomError", (e) => {
    if (!/navigation/.test(e.message)) errors.push(e.message);
  });
  const html = options.html ?? publishHtml("duban", BASE, "1.2.3", options.multiUser);
  const dom = new JSDOM(html, {
    runScripts: "dangerously",
    virtualConsole,
    url: "http://intranet.example/publish.html",
    beforeParse(window) {
      if (options.serverId) window.localStorage.setItem("serverId", options.serverId);
      // The page waits 1.5 s and 3 s between retries for WPS's service to start; what is tested
      // is which requests it sends and what it says, so its clock runs 100 times faster here.
      const wait = window.setTimeout.bind(window);
      window.setTimeout = ((run: () => void, ms = 0) =>
        wait(run, ms >= 1000 ? ms / 100 : ms)) as typeof window.setTimeout;
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
  return { dom, sent, errors, status, button };
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
    return { status: 500, text: JSON.stringify({ data: "Addon url is invalid." }) };
  });
  await until(() => page.status() === "尚未安装。");
  page.button("install").click();
  await until(() => page.status().startsWith("安装失败"));
  expect(page.status()).toBe("安装失败：Addon url is invalid.");
  expect(navigations).toEqual([]);
  page.dom.window.close();
});

const SERVER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The multi-user service: the add-ins it lists for each serverId. */
function multiUserService(version: string) {
  const installedFor = new Set<string>();
  return {
    installedFor,
    answer({ url, body }: Sent) {
      if (url === "http://127.0.0.1:58890/version") return { status: 200, text: version };
      const wrapped = body?.startsWith("{")
        ? (JSON.parse(body) as { serverId: string; data?: string })
        : null;
      const user = wrapped?.serverId ?? "";
      if (url === "http://127.0.0.1:58890/publishlist")
        return {
          status: 200,
          text: JSON.stringify(
            installedFor.has(user)
              ? [{ name: "duban", addonType: "et", online: "true", url: BASE, enable: "true" }]
              : []
          ),
        };
      if (url === "http://localhost:58890/deployaddons/runParams") {
        const { cmd } = decoded(wrapped ? wrapped.data : body) as { cmd: string };
        if (cmd === "enable") installedFor.add(user);
        else installedFor.delete(user);
        return { status: 200, text: "OK" };
      }
      return { status: 404, text: "" };
    },
  };
}

test("multi-user: every request names this browser's serverId, kept in localStorage, as the wpsjs page does", async () => {
  const service = multiUserService("1.0.2");
  const page = openPage((sent) => service.answer(sent), { multiUser: true });
  await until(() => page.status() === "尚未安装。");
  const id = page.dom.window.localStorage.getItem("serverId")!;
  expect(id).toMatch(SERVER_ID);
  expect(page.sent).toEqual([
    {
      method: "POST",
      url: "http://127.0.0.1:58890/version",
      body: JSON.stringify({ serverId: id }),
    },
    {
      method: "POST",
      url: "http://127.0.0.1:58890/publishlist",
      body: JSON.stringify({ serverId: id }),
    },
  ]);

  page.sent.length = 0;
  page.button("install").click();
  await until(() => page.status().startsWith("已安装"));
  const deploy = JSON.parse(page.sent[0].body!) as Record<string, string>;
  expect(Object.keys(deploy)).toEqual(["serverId", "data"]);
  expect(deploy.serverId).toBe(id);
  expect(Buffer.from(deploy.data, "base64").toString("utf8")).toBe(
    JSON.stringify({ cmd: "enable", name: "duban", url: BASE, addonType: "et", online: "true" })
  );
  expect(page.sent[1]).toEqual({
    method: "POST",
    url: "http://127.0.0.1:58890/publishlist",
    body: JSON.stringify({ serverId: id }),
  });
  // Installed for this user only.
  expect([...service.installedFor]).toEqual([id]);

  page.sent.length = 0;
  page.button("uninstall").click();
  await until(() => page.status() === "尚未安装。");
  expect(decoded((JSON.parse(page.sent[0].body!) as { data: string }).data)).toMatchObject({
    cmd: "disable",
  });
  expect(service.installedFor.size).toBe(0);
  expect(page.errors).toEqual([]);
  page.dom.window.close();
});

test("multi-user: a serverId kept from an earlier visit is used again", async () => {
  const kept = "0f8e3c1a-5b2d-4c6e-9a7b-1d2e3f4a5b6c";
  const service = multiUserService("1.0.3");
  const page = openPage((sent) => service.answer(sent), { multiUser: true, serverId: kept });
  await until(() => page.status() === "尚未安装。");
  expect(page.sent.map((s) => s.body)).toEqual([
    JSON.stringify({ serverId: kept }),
    JSON.stringify({ serverId: kept }),
  ]);
  page.dom.window.close();
});

test("multi-user against a service older than 1.0.2: only /version names the serverId", async () => {
  const service = multiUserService("1.0.1");
  const page = openPage((sent) => service.answer(sent), { multiUser: true });
  await until(() => page.status() === "尚未安装。");
  const id = page.dom.window.localStorage.getItem("serverId")!;
  expect(page.sent.map((s) => s.body)).toEqual([JSON.stringify({ serverId: id }), undefined]);
  page.sent.length = 0;
  page.button("install").click();
  await until(() => page.status().startsWith("已安装"));
  // The single-user body: the base64 alone.
  expect(decoded(page.sent[0].body)).toMatchObject({ cmd: "enable", name: "duban" });
  page.dom.window.close();
});

test("multi-user: when this user's WPS service is not running the page starts it with the serverId and asks again", async () => {
  const service = multiUserService("1.0.2");
  let running = false;
  const page = openPage(
    (sent) => {
      if (!running) {
        return { status: 500, text: JSON.stringify({ data: "Subserver not available." }) };
      }
      return service.answer(sent);
    },
    { multiUser: true }
  );
  await until(() => navigations.length > 0);
  const id = page.dom.window.localStorage.getItem("serverId")!;
  expect(navigations).toEqual([`ksowpscloudsvr://start=RelayHttpServer&serverId=${id}`]);
  expect(page.status()).toBe("正在启动 WPS 本地服务……");
  running = true;
  await until(() => page.status() === "尚未安装。");
  expect(page.sent.map((s) => [s.url, s.body])).toEqual([
    ["http://127.0.0.1:58890/version", JSON.stringify({ serverId: id })],
    ["http://127.0.0.1:58890/version", JSON.stringify({ serverId: id })],
    ["http://127.0.0.1:58890/publishlist", JSON.stringify({ serverId: id })],
  ]);
  expect(navigations).toHaveLength(1);
  page.dom.window.close();
});

test("without WPS's service the page starts it through ksoWPSCloudSvr://, retries, then says what to do", async () => {
  const page = openPage(() => null);
  await until(() => page.status().startsWith("无法连接 WPS"));
  // The first try and three more, the protocol opened once.
  expect(page.sent).toHaveLength(4);
  expect(page.sent.every((s) => s.url === "http://127.0.0.1:58890/version")).toBe(true);
  expect(navigations).toEqual(["ksowpscloudsvr://start=RelayHttpServer"]);
  expect(page.button("install").disabled).toBe(true);
  page.dom.window.close();
});

test("DUBAN_WPS_MULTI_USER=1 makes the publish folder's page the multi-user one; a mistyped value is refused", async () => {
  expect(multiUserSetting(undefined)).toBe(false);
  expect(multiUserSetting("")).toBe(false);
  expect(multiUserSetting("0")).toBe(false);
  expect(multiUserSetting("1")).toBe(true);
  expect(() => multiUserSetting("yes")).toThrow(
    "DUBAN_WPS_MULTI_USER 须为 1（多用户）或不设（单用户），现为「yes」"
  );

  const root = mkdtempSync(join(tmpdir(), "duban-publish-"));
  try {
    mkdirSync(join(root, "addin"));
    publishWps(root, BASE, "1.2.3", multiUserSetting("1"));
    const service = multiUserService("1.0.2");
    const page = openPage((sent) => service.answer(sent), {
      html: readFileSync(join(root, "publish.html"), "utf8"),
    });
    await until(() => page.status() === "尚未安装。");
    const id = page.dom.window.localStorage.getItem("serverId")!;
    expect(id).toMatch(SERVER_ID);
    expect(page.sent.map((s) => s.body)).toEqual([
      JSON.stringify({ serverId: id }),
      JSON.stringify({ serverId: id }),
    ]);
    page.dom.window.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
