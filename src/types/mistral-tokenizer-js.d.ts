/** The part of mistral-tokenizer-js (which ships no types) that the token counter uses. */
declare module 'mistral-tokenizer-js' {
  const mistralTokenizer: {
    /** Token ids of `prompt`; `addBosToken` (default true) puts the begin-of-text id first. */
    encode(prompt: string, addBosToken?: boolean, addPrecedingSpace?: boolean): number[];
    decode(tokenIds: number[], addBosToken?: boolean, addPrecedingSpace?: boolean): string;
  };
  export default mistralTokenizer;
}
