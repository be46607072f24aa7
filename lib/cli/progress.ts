// The progress bar shown while training on a terminal: epoch, loss, accuracy and learning
// rate on one line redrawn in place. Off a terminal the book's log lines are printed instead.
import { SingleBar, Presets } from 'cli-progress';
import type { OutputStream } from './io.js';

export interface ProgressValues {
  epoch: number;
  epochs: number;
  loss: number;
  accuracy: number;
  learningRate: number;
}

export class TrainingProgressBar {
  private readonly bar: SingleBar;
  private started = false;

  /** `total` counts what the bar advances by: epochs for full-batch runs, else steps. */
  constructor(
    stream: OutputStream,
    private readonly total: number,
  ) {
    this.bar = new SingleBar(
      {
        format:
          'epoch {epoch}/{epochs} {bar} {percentage}% | loss {loss} | acc {acc} | ' +
          'lr {lr} | ETA {eta_formatted}',
        // cli-progress draws with readline's cursor functions, which only a real terminal
        // stream has; the caller passes one only when isTTY is true.
        stream: stream as NodeJS.WritableStream,
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    );
  }

  /** Moves the bar to `done` of `total` and shows the latest metrics. */
  update(done: number, values: ProgressValues): void {
    const payload = {
      epoch: values.epoch,
      epochs: values.epochs,
      loss: values.loss.toFixed(3),
      acc: values.accuracy.toFixed(3),
      lr: values.learningRate.toPrecision(4),
    };
    if (!this.started) {
      this.bar.start(this.total, done, payload);
      this.started = true;
    } else {
      this.bar.update(done, payload);
    }
  }

  /** Draws the final state and releases the terminal line; safe to call more than once. */
  stop(): void {
    if (this.started) this.bar.stop();
    this.started = false;
  }
}
