/** The endings of unit names (区财政局, 某某街道, 区委办公室, 城投集团). */
const UNIT_END =
  /(局|委|办|院|所|中心|政府|公司|街道|镇|乡|部|处|科|队|站|会|社|室|馆|团|行|厅|署|组|区|县|市)$/;
/** A unit, a space (or brackets) and a 2–4 character name: 区财政局 张三, 区财政局（张三）. */
const UNIT_PERSON =
  /^(\S.*?)(?:[\s\u3000]+([\u4e00-\u9fa5·]{2,4})|[（(]([\u4e00-\u9fa5·]{2,4})[)）])$/;

/**
 * A lead-unit cell that also names the person responsible (区财政局 张三) as its unit and its
 * person; null when no line of the cell has that shape. Lines are kept apart.
 */
export function splitUnitPerson(text: string): { unit: string; person: string } | null {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const units: string[] = [];
  const persons: string[] = [];
  for (const line of lines) {
    const m = UNIT_PERSON.exec(line.trim());
    const person = m ? (m[2] ?? m[3]) : null;
    if (m && person && UNIT_END.test(m[1].trim()) && !UNIT_END.test(person)) {
      units.push(m[1].trim());
      persons.push(person);
    } else units.push(line.trim());
  }
  return persons.length === 0 ? null : { unit: units.join("\n"), person: persons.join("、") };
}
