/** Shapes of cell text that give a breakdown table its structure, wherever it is read from. */

/** A 序号 as printed: digits, half- or full-width. */
export const SEQ_TEXT = /^\s*[0-9０-９]+\s*$/;
/** 一、主要预期目标 — a section row in numbered tables, a category cell in 民心工程. */
export const HEADING_TEXT = /^\s*[一二三四五六七八九十]+、/;
/** 2．加快提升创新策源能力 — a 涉及领域. */
export const DOMAIN_TEXT = /^\s*[0-9０-９]+[．.]\S/;
/** 注：… — a note printed under a table. */
export const NOTE_TEXT = /^\s*(注|备注)[：:]/;
