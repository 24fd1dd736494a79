import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { findSoffice, sofficeCandidates } from "../support/soffice";

describe("where the LibreOffice tests look for soffice", () => {
  test("DUBAN_SOFFICE first, then soffice and libreoffice in every PATH folder", () => {
    expect(sofficeCandidates("linux", { DUBAN_SOFFICE: "/opt/lo/soffice", PATH: "/a:/b" })).toEqual(
      ["/opt/lo/soffice", "/a/soffice", "/a/libreoffice", "/b/soffice", "/b/libreoffice"]
    );
  });

  test("Windows and macOS: the installers' folders", () => {
    expect(sofficeCandidates("win32", { PROGRAMFILES: "C:\\Program Files" })).toContain(
      join("C:\\Program Files", "LibreOffice", "program", "soffice.exe")
    );
    expect(sofficeCandidates("darwin", {})).toEqual([
      "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    ]);
  });

  test("finds a program that is there and nothing where there is none", () => {
    const dir = mkdtempSync(join(tmpdir(), "duban-path-"));
    expect(findSoffice("linux", { PATH: dir })).toBeNull();
    writeFileSync(join(dir, "libreoffice"), "");
    expect(findSoffice("linux", { PATH: dir })).toBe(join(dir, "libreoffice"));
  });
});
