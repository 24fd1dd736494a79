/** Characters Windows, macOS and zip archives refuse in a file name, and control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]/g;
/** Leaves room for a folder path under Windows' 260-character limit. */
const MAX_STEM = 80;

/** A name fit for a file: forbidden characters become _, no leading or trailing dots or spaces. */
export function safeFileStem(text: string): string {
  const stem = text.replace(FORBIDDEN, "_").replace(/^[\s.]+|[\s.]+$/g, "");
  return ([...stem].slice(0, MAX_STEM).join("") || "未命名").trimEnd();
}

/** "区发展改革委-督办事项-20220930.xlsx"; a name already used gets "(2)", "(3)" … */
export function unitFileName(unit: string, date: string, used: Set<string>): string {
  const stem = `${safeFileStem(unit)}-督办事项-${date.replace(/-/g, "")}`;
  let name = `${stem}.xlsx`;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}(${n}).xlsx`;
  used.add(name.toLowerCase());
  return name;
}
