import { describe, expect, it } from "vitest";
import { directionWithin, languageScript, scriptDirection, textDirection } from "../../../src/lib/i18n/direction.ts";

const RIGHT_TO_LEFT = ["ar", "ar-EG", "he", "he-IL", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "az-Arab", "pa-Arab"];
const LEFT_TO_RIGHT = ["en", "en-GB", "de", "fr", "es", "pt-BR", "ru", "zh-Hant", "ja", "hi", "az", "az-Latn", "pa", "tr"];

describe("textDirection", () => {
  it.each(RIGHT_TO_LEFT)("%s is written right to left", (tag) => {
    expect(textDirection(tag)).toBe("rtl");
  });

  it.each(LEFT_TO_RIGHT)("%s is written left to right", (tag) => {
    expect(textDirection(tag)).toBe("ltr");
  });

  it("has the engine's own answer on Node", () => {
    expect(typeof Intl.Locale.prototype.getTextInfo).toBe("function");
  });

  it("falls back to the script list where Intl.Locale cannot say, as in Firefox", () => {
    const names = ["getTextInfo", "textInfo"];
    const saved = names.map((name) => [name, Object.getOwnPropertyDescriptor(Intl.Locale.prototype, name)] as const);
    for (const name of names) Reflect.deleteProperty(Intl.Locale.prototype, name);
    try {
      expect(names.filter((name) => name in new Intl.Locale("ar"))).toEqual([]);
      expect(textDirection("ar")).toBe("rtl");
      expect(textDirection("he-IL")).toBe("rtl");
      expect(textDirection("en")).toBe("ltr");
    } finally {
      for (const [name, descriptor] of saved) if (descriptor) Object.defineProperty(Intl.Locale.prototype, name, descriptor);
    }
    expect(typeof new Intl.Locale("ar").getTextInfo).toBe("function");
  });

  // The script list is what browsers without getTextInfo use; it must agree with the engine's CLDR data.
  it.each([...RIGHT_TO_LEFT, ...LEFT_TO_RIGHT])("the script list agrees with Intl for %s", (tag) => {
    expect(scriptDirection(tag)).toBe(new Intl.Locale(tag).getTextInfo().direction);
  });
});

describe("directionWithin", () => {
  it("marks only a language that runs against the text around it", () => {
    expect(directionWithin("he", "ltr")).toBe("rtl");
    expect(directionWithin("en", "rtl")).toBe("ltr");
    expect(directionWithin("pt-BR", "ltr")).toBeUndefined();
    expect(directionWithin("fa", "rtl")).toBeUndefined();
    expect(directionWithin(undefined, "rtl")).toBeUndefined();
  });
});

describe("languageScript", () => {
  it.each([
    ["ar", "Arab"],
    ["fa", "Arab"],
    ["ur", "Arab"],
    ["he", "Hebr"],
    ["en", "Latn"],
    ["az-Arab", "Arab"],
  ])("%s is written in %s", (tag, script) => {
    expect(languageScript(tag)).toBe(script);
  });
});
