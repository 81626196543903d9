/**
 * The reference MLP in the peer libraries (exactly the bench's definitions, re-exported), and
 * the bench's batches handed to the lesson's own training steps.
 */
import { type MnistSamples, batchStarts } from "@gradschool/bench";
import { BATCH_SIZE, type BatchStep, batchView } from "./reference-mlp.ts";

export { convnetjsMlp, tfjsMlp } from "@gradschool/bench";

/**
 * The bench's samples cut into batches the way its trainers cut them (batchStarts): each
 * call of the returned function trains `trainer` on the next batch.
 */
export function onBenchBatches(trainer: BatchStep, samples: MnistSamples): () => number {
  const nextBatch = batchStarts(BATCH_SIZE);
  return () => {
    const start = nextBatch();
    return trainer.step(batchView(samples.pixels64, start), samples.labels.subarray(start, start + BATCH_SIZE));
  };
}
