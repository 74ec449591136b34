/** Types of build.mjs for the tests that import it. */
/** `text` with every character outside printable ASCII (but tabs and line breaks) written as a `\uXXXX` escape (see build.mjs). */
export declare function asciiOnly(text: string): string;
