import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * A small public-domain text for character-level language models: Genesis chapters 1–11
 * of the King James Version (1611, out of copyright), one verse per line, 299 verses,
 * 34,839 characters drawn from 59 distinct ones (letters, space, newline, punctuation).
 *
 * It ships in the repository (packages/datasets/data/genesis-1-11.txt), extracted once
 * from Debian's bible-kjv-text package with the verse numbers removed, so nothing is
 * downloaded at run time. Small enough to train on in seconds; repetitive enough ("And
 * God said, Let there be …") that a small LSTM learns visible structure.
 */
export function genesisText(): string {
  const path = fileURLToPath(new URL("../data/genesis-1-11.txt", import.meta.url));
  if (!existsSync(path)) {
    throw new Error(`genesisText: the text file is missing at ${path}; expected it in the repository (restore it with git checkout)`);
  }
  return readFileSync(path, "utf8");
}

/**
 * A character vocabulary: the distinct characters of a text in sorted order, and the
 * maps between a character and its index, so text ↔ Int32Array of class indices.
 */
export interface CharVocabulary {
  readonly chars: readonly string[];
  readonly size: number;
  encode(text: string): Int32Array;
  decode(indices: ArrayLike<number>): string;
}

export function charVocabulary(text: string): CharVocabulary {
  if (typeof text !== "string" || text.length === 0) {
    throw new Error(`charVocabulary: expected a non-empty string; received ${typeof text === "string" ? "an empty string" : typeof text}`);
  }
  const chars = [...new Set(text)].sort();
  const indexOf = new Map(chars.map((char, index) => [char, index]));
  return {
    chars,
    size: chars.length,
    encode(input: string): Int32Array {
      const out = new Int32Array(input.length);
      for (let i = 0; i < input.length; i++) {
        const index = indexOf.get(input[i]);
        if (index === undefined) {
          throw new Error(`charVocabulary.encode: character ${JSON.stringify(input[i])} at position ${i} is not in the vocabulary of ${chars.length} characters`);
        }
        out[i] = index;
      }
      return out;
    },
    decode(indices: ArrayLike<number>): string {
      let out = "";
      for (let i = 0; i < indices.length; i++) {
        const char = chars[indices[i]];
        if (char === undefined) {
          throw new Error(`charVocabulary.decode: index ${indices[i]} at position ${i} is outside 0…${chars.length - 1}`);
        }
        out += char;
      }
      return out;
    },
  };
}
