// ── Recurrent layers: SimpleRNN, LSTM, GRU, and backpropagation through time ───────────
export { RecurrentLayer } from "./recurrent-layer.ts";
export type { RecurrentOptions } from "./recurrent-options.ts";
export { SimpleRNN } from "./simple-rnn.ts";
export type { SimpleRNNOptions } from "./simple-rnn.ts";
export { LSTM } from "./lstm.ts";
export type { LSTMOptions } from "./lstm.ts";
export { GRU } from "./gru.ts";
export { orthogonal } from "./orthogonal.ts";
export { TimeDistributed } from "./time-distributed.ts";
export type { TimeDistributedOptions } from "./time-distributed.ts";
import "./layer-types.ts"; // registers SimpleRNN, LSTM, GRU and TimeDistributed with save/load

// ── The reference RNN (MNIST rows) and the pieces of a character-level language model ──
export { referenceRnn, imagesAsRows } from "./reference-rnn.ts";
export { oneHotSequence, textWindows } from "./text-windows.ts";
export type { TextWindows } from "./text-windows.ts";
export { sampleText } from "./sample-text.ts";
export type { SampleTextOptions } from "./sample-text.ts";
export { rememberFirstToken } from "./remember-first-token.ts";
export type { RememberFirstTokenOptions } from "./remember-first-token.ts";
