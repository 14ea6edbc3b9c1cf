/**
 * A share-link payload in lz-string's URI-safe format, written bit by bit: one 8-bit character "a", then
 * `repeats` codes that each name the dictionary entry about to be made (the previous entry plus its first
 * character), so the text grows 1 + 2 + 3 + … characters: `repeats` codes expand to about repeats² / 2
 * characters (7,000 codes: about 24.5 million from some 13,000). The end code follows.
 */
export function buildQuadraticSharePayload(repeats: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  const bits: number[] = [];
  const write = (value: number, width: number) => {
    for (let i = 0; i < width; i++) bits.push((value >> i) & 1);
  };
  write(0, 2);
  write('a'.charCodeAt(0), 8);
  let dictionarySize = 4;
  let width = 3;
  let untilWider = 4;
  for (let i = 0; i < repeats; i++) {
    write(dictionarySize++, width);
    if (--untilWider === 0) untilWider = 2 ** width++;
  }
  write(2, width);
  while (bits.length % 6 !== 0) bits.push(0);
  let out = '';
  for (let i = 0; i < bits.length; i += 6) {
    let value = 0;
    for (let j = 0; j < 6; j++) value |= bits[i + j]! << (5 - j);
    out += alphabet[value];
  }
  return out;
}
