// Loads a model file for evaluate and predict, with errors that name the file.
import { statSync } from 'node:fs';
import { NativeUnavailableError } from '../backend/select.js';
import { Model } from '../model/model.js';
import { systemReason } from './files.js';
import { UsageError } from './usage-error.js';

/** Loads the model saved at `path` (by `nnfs train` or Model.save). */
export function loadModel(path: string): Model {
  try {
    if (statSync(path).isDirectory()) {
      throw new UsageError(`model file ${path} is a directory, expected a .safetensors file`);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read model file ${path}: ${systemReason(error)}`);
  }
  try {
    return Model.load(path);
  } catch (error) {
    // The file is fine when the backend is what failed; run.ts reports that error as it is.
    if (error instanceof NativeUnavailableError) throw error;
    const code = (error as { code?: unknown } | null)?.code;
    const reason = typeof code === 'string' ? systemReason(error) : (error as Error).message;
    throw new UsageError(`cannot load model file ${path}: ${reason}`);
  }
}

/** Returns the number of inputs per sample the model expects, or throws if it has no layers. */
export function modelInputWidth(model: Model, path: string): number {
  const width = model.inputWidth();
  if (width === undefined) {
    throw new UsageError(
      `model file ${path} has no dense first layer, so its input width is unknown`,
    );
  }
  return width;
}
