import { clauseAfter, clauseBefore, figuresIn } from "../../src/core/rules/figure/figures";
import { subjectFigures } from "../../src/core/rules/figure/subjects";

describe("figuresIn reads numbers exactly", () => {
  test("every number of up to 12 characters is the one written, rounded to 12 digits or not", () => {
    const numbers: string[] = [];
    for (let digits = 1; digits <= 12; digits++) {
      for (let k = 0; k < 200; k++) {
        let n = String(1 + ((k * 7919 + digits * 104729) % 9));
        while (n.length < digits) n += String((k * 31 + n.length * 17) % 10);
        numbers.push(n);
        if (digits >= 3) numbers.push(`${n.slice(0, digits - 2)}.${n.slice(digits - 2)}`);
        if (digits >= 2) numbers.push(`0.${n.slice(1)}`);
      }
    }
    for (const n of numbers) {
      const [figure] = figuresIn(`完成${n}个`);
      expect([n, figure.value]).toEqual([n, Number(Number(n).toPrecision(12))]);
    }
  });

  test("longer numbers and 万 / 亿 are rounded to 12 significant digits", () => {
    expect(figuresIn("完成1234567890123个")[0].value).toBe(1234567890120);
    expect(figuresIn("投入1.1亿元")[0].value).toBe(110000000);
    expect(figuresIn("服务0.6万人次")[0].value).toBe(6000);
    expect(figuresIn("建设0.3万平方米")[0].value).toBe(3000);
  });

  test("a number after a letter, digit, point, # or 第 is not a figure", () => {
    expect(figuresIn("PM2.5浓度；第2项；4#楼2层；B3栋；1.5米").map((f) => f.text)).toEqual([
      "1.5米",
    ]);
  });
});

describe("clauses around a figure", () => {
  test("every clause mark ends a clause: ，,。；;：:、 and the line break", () => {
    for (const mark of ["，", ",", "。", "；", ";", "：", ":", "、", "\n"]) {
      const text = `开展培训512人${mark}累计培训2012人${mark}完成`;
      const at = text.indexOf("2012");
      expect(clauseBefore(text, at)).toBe("累计培训");
      expect(clauseAfter(text, at + "2012人".length)).toBe("");
      expect(clauseAfter(text, text.indexOf("512") + "512人".length)).toBe("");
    }
  });

  test("other punctuation does not (（）“” stay in the clause)", () => {
    const text = "完成“雏鹰”（培育）企业275家";
    expect(clauseBefore(text, text.indexOf("275"))).toBe("完成“雏鹰”（培育）企业");
    expect(clauseAfter("完成172个智慧平安社区建设。年底前", 6)).toBe("智慧平安社区建设");
  });
});

describe("subjectFigures across sentences", () => {
  test("each sentence of a cell has its own project: 。；; and line breaks end one", () => {
    for (const end of ["。", "；", ";", "\n"]) {
      const text = `辛庄镇海河中游配套中学工程可提供学位2700个${end}完成义务教育学位3720个。`;
      expect(subjectFigures(text, figuresIn(text)).map((s) => s.subject)).toEqual([
        { name: "辛庄镇海河中游配套中学工程", measure: "学位", kind: "project" },
        { name: "义务教育学位", measure: "", kind: "noun" },
      ]);
    }
  });

  test("a sentence that names no 工程, 项目 or 校区 counts the noun, and 区 alone names no project", () => {
    const text = "津南区完成有效国家高新技术企业达到530家。";
    expect(subjectFigures(text, figuresIn(text)).map((s) => s.subject)).toEqual([
      { name: "津南区完成有效国家高新技术企业", measure: "", kind: "noun" },
    ]);
  });
});
