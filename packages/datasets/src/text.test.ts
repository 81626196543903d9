import { describe, expect, test } from "vitest";
import { charVocabulary, genesisText } from "./text.ts";

describe("genesisText", () => {
  const text = genesisText();

  test("is Genesis 1–11 of the King James Version: 299 verses, 34,839 characters, plain ASCII", () => {
    expect(text.startsWith("In the beginning God created the heaven and the earth.\n")).toBe(true);
    expect(text.trimEnd().endsWith("And the days of Terah were two hundred and five years: and Terah died in Haran.")).toBe(true);
    expect(text.split("\n").filter((line) => line.length > 0)).toHaveLength(299);
    expect(text).toHaveLength(34_839);
    expect(/^[\n -~]*$/.test(text)).toBe(true);
  });

  test("has no verse numbers left in it", () => {
    expect(/\bGe\d+:\d+/.test(text)).toBe(false);
    expect(/\d/.test(text)).toBe(false);
  });
});

describe("charVocabulary", () => {
  test("the Genesis text uses 59 distinct characters, sorted, newline first", () => {
    const vocabulary = charVocabulary(genesisText());
    expect(vocabulary.size).toBe(59);
    expect(vocabulary.chars[0]).toBe("\n");
    expect([...vocabulary.chars]).toEqual([...vocabulary.chars].sort());
  });

  test("decode(encode(text)) gives the text back", () => {
    const text = genesisText();
    const vocabulary = charVocabulary(text);
    expect(vocabulary.decode(vocabulary.encode(text))).toBe(text);
    expect(Array.from(charVocabulary("abca").encode("cab"))).toEqual([2, 0, 1]);
  });

  test("an unknown character or index is a clear error", () => {
    const vocabulary = charVocabulary("abc");
    expect(() => vocabulary.encode("abz")).toThrow('charVocabulary.encode: character "z" at position 2 is not in the vocabulary of 3 characters');
    expect(() => vocabulary.decode([0, 3])).toThrow("charVocabulary.decode: index 3 at position 1 is outside 0…2");
    expect(() => charVocabulary("")).toThrow("charVocabulary: expected a non-empty string; received an empty string");
  });
});
