/** Applies jamun's V8 flags (runtime-flags.mjs); call before the first WebAssembly module is compiled. */
export declare function setRuntimeFlags(): void;
