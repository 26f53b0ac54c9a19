/**
 * A classification of every UTF-16 code unit, tabulated on first use (64 KB):
 * hot loops then read one byte per character instead of running a chain of range tests.
 */
export function codeUnitTable(classify: (codeUnit: number) => number): () => Uint8Array {
  let table: Uint8Array | undefined;
  return () => {
    if (!table) {
      table = new Uint8Array(0x10000);
      for (let c = 0; c < 0x10000; c++) table[c] = classify(c);
    }
    return table;
  };
}
