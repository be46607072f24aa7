// Saving and loading a Model as safetensors. Tensors are named `layers.<index>.weights` and
// `layers.<index>.biases`, where index is the layer's position in model.layers, so Python's
// safetensors reads them directly. `__metadata__` stores the architecture, loss, accuracy and
// optimizer settings as JSON strings; Model.load rebuilds the model from them and checks every
// shape against the architecture before any parameter is used.
import { ActivationReLU } from '../activations/relu.js';
import { ActivationSoftmax } from '../activations/softmax.js';
import { describe, rangeError, typeError } from '../errors.js';
import { readSafetensors, writeSafetensors } from '../io/safetensors.js';
import type { SafetensorsTensor } from '../io/safetensors.js';
import { LayerDense } from '../layers/dense.js';
import { LossCategoricalCrossentropy } from '../losses/categorical-crossentropy.js';
import { AccuracyCategorical } from '../metrics/accuracy-categorical.js';
import { optimizerFromConfig } from '../optimizers/from-config.js';
import type { OptimizerConfig } from '../optimizers/optimizer.js';
import { Model } from './model.js';
import type { ModelLayer } from './model.js';

const FORMAT = 'nnfs-native.model';
const VERSION = '1';

type LayerSpec =
  | { type: 'LayerDense'; nInputs: number; nNeurons: number }
  | { type: 'ActivationReLU' }
  | { type: 'ActivationSoftmax' };

/** Writes the trainable layers' parameters, with the architecture in the metadata. */
export function saveParameters(model: Model, path: string): void {
  writeSafetensors(path, parameterTensors(model), {
    format: FORMAT,
    version: VERSION,
    architecture: JSON.stringify(model.layers.map((layer) => layerSpec('saveParameters', layer))),
  });
}

/** Writes the whole model: parameters, architecture, loss, accuracy and optimizer settings. */
export function saveModel(model: Model, path: string): void {
  const where = 'Model.save';
  const metadata: Record<string, string> = {
    format: FORMAT,
    version: VERSION,
    architecture: JSON.stringify(model.layers.map((layer) => layerSpec(where, layer))),
  };
  if (model.loss !== undefined) {
    if (!(model.loss instanceof LossCategoricalCrossentropy)) {
      throw unsupported(where, 'loss', model.loss);
    }
    metadata.loss = JSON.stringify({ type: 'LossCategoricalCrossentropy' });
  }
  if (model.accuracy !== undefined) {
    if (!(model.accuracy instanceof AccuracyCategorical)) {
      throw unsupported(where, 'accuracy', model.accuracy);
    }
    metadata.accuracy = JSON.stringify({
      type: 'AccuracyCategorical',
      binary: model.accuracy.binary,
    });
  }
  if (model.optimizer !== undefined) metadata.optimizer = JSON.stringify(model.optimizer.config());
  writeSafetensors(path, parameterTensors(model), metadata);
}

/**
 * Copies saved parameters into `model`, whose architecture must match the file's. Every
 * tensor is checked before the first one is copied, so a failed load changes nothing.
 */
export function loadParameters(model: Model, path: string): void {
  const where = 'Model.loadParameters';
  const file = readSafetensors(path);
  const specs = parseArchitecture(where, file.metadata);
  const ours = model.layers.map((layer) => layerSpec(where, layer));
  if (JSON.stringify(specs) !== JSON.stringify(ours)) {
    throw rangeError(
      where,
      `the file's architecture ${JSON.stringify(specs)} does not match the model's ` +
        `${JSON.stringify(ours)}`,
    );
  }
  const copies = checkedTensors(where, model.layers, file.tensors);
  for (const [target, source] of copies) target.set(source);
}

/** Rebuilds a model saved by saveModel, ready for predict, evaluate or more training. */
export function loadModel(path: string): Model {
  const where = 'Model.load';
  const file = readSafetensors(path);
  const specs = parseArchitecture(where, file.metadata);
  const model = new Model();
  // NOTE: LayerDense draws initial weights from the global generator before they are
  // replaced, so loading a model advances the seeded random stream.
  for (const spec of specs) model.add(buildLayer(spec));

  const settings = file.metadata;
  if (settings.loss !== undefined) {
    const loss = parseJson(where, 'loss', settings.loss) as { type?: unknown };
    if (loss.type !== 'LossCategoricalCrossentropy') {
      throw rangeError(where, `unknown loss type ${describe(loss.type)} in the file`);
    }
    model.set({ loss: new LossCategoricalCrossentropy() });
  }
  if (settings.accuracy !== undefined) {
    const accuracy = parseJson(where, 'accuracy', settings.accuracy) as {
      type?: unknown;
      binary?: unknown;
    };
    if (accuracy.type !== 'AccuracyCategorical') {
      throw rangeError(where, `unknown accuracy type ${describe(accuracy.type)} in the file`);
    }
    model.set({ accuracy: new AccuracyCategorical({ binary: accuracy.binary === true }) });
  }
  if (settings.optimizer !== undefined) {
    const config = parseJson(where, 'optimizer', settings.optimizer) as OptimizerConfig;
    model.set({ optimizer: optimizerFromConfig(config) });
  }

  const copies = checkedTensors(where, model.layers, file.tensors);
  for (const [target, source] of copies) target.set(source);
  return model.finalize();
}

function parameterTensors(model: Model): Record<string, SafetensorsTensor> {
  const tensors: Record<string, SafetensorsTensor> = {};
  model.layers.forEach((layer, index) => {
    if (!(layer instanceof LayerDense)) return;
    tensors[`layers.${index}.weights`] = tensorOf(layer.weights.shape, layer.weights.data);
    tensors[`layers.${index}.biases`] = tensorOf(layer.biases.shape, layer.biases.data);
  });
  return tensors;
}

function tensorOf(shape: [number, number], data: Float32Array): SafetensorsTensor {
  return { dtype: 'F32', shape: [...shape], data };
}

function layerSpec(where: string, layer: ModelLayer): LayerSpec {
  if (layer instanceof LayerDense) {
    return { type: 'LayerDense', nInputs: layer.weights.rows, nNeurons: layer.weights.cols };
  }
  if (layer instanceof ActivationReLU) return { type: 'ActivationReLU' };
  if (layer instanceof ActivationSoftmax) return { type: 'ActivationSoftmax' };
  throw unsupported(where, 'layer', layer);
}

function buildLayer(spec: LayerSpec): ModelLayer {
  switch (spec.type) {
    case 'LayerDense':
      return new LayerDense(spec.nInputs, spec.nNeurons);
    case 'ActivationReLU':
      return new ActivationReLU();
    case 'ActivationSoftmax':
      return new ActivationSoftmax();
  }
}

function parseArchitecture(where: string, metadata: Record<string, string>): LayerSpec[] {
  if (metadata.format !== FORMAT || metadata.version !== VERSION) {
    throw rangeError(
      where,
      `the file is not an nnfs-native model of version ${VERSION} (its metadata has format ` +
        `${describe(metadata.format)}, version ${describe(metadata.version)})`,
    );
  }
  const parsed = parseJson(where, 'architecture', metadata.architecture ?? '');
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw rangeError(where, 'the architecture in the file must be a non-empty list of layers');
  }
  return parsed.map((entry: unknown, index: number): LayerSpec => {
    const spec = entry as Partial<Record<string, unknown>>;
    if (spec?.type === 'ActivationReLU' || spec?.type === 'ActivationSoftmax') {
      return { type: spec.type };
    }
    const isSize = (value: unknown) => Number.isInteger(value) && (value as number) >= 1;
    if (spec?.type === 'LayerDense' && isSize(spec.nInputs) && isSize(spec.nNeurons)) {
      return {
        type: 'LayerDense',
        nInputs: spec.nInputs as number,
        nNeurons: spec.nNeurons as number,
      };
    }
    throw rangeError(where, `layer ${index} in the file is invalid: ${JSON.stringify(entry)}`);
  });
}

/** Pairs each dense layer's parameter buffers with the file's tensors, after checking shapes. */
function checkedTensors(
  where: string,
  layers: readonly ModelLayer[],
  tensors: Record<string, SafetensorsTensor>,
): [Float32Array, Float32Array][] {
  const copies: [Float32Array, Float32Array][] = [];
  const expectedNames = new Set<string>();
  layers.forEach((layer, index) => {
    if (!(layer instanceof LayerDense)) return;
    for (const parameter of [layer.weights, layer.biases]) {
      const name = `layers.${index}.${parameter === layer.weights ? 'weights' : 'biases'}`;
      expectedNames.add(name);
      const tensor = tensors[name];
      if (tensor === undefined) throw rangeError(where, `the file has no tensor ${name}`);
      const [rows, cols] = parameter.shape;
      if (tensor.shape.length !== 2 || tensor.shape[0] !== rows || tensor.shape[1] !== cols) {
        throw rangeError(
          where,
          `tensor ${name} has shape [${tensor.shape.join(', ')}], expected [${rows}, ${cols}]`,
        );
      }
      copies.push([parameter.data, tensor.data]);
    }
  });
  for (const name of Object.keys(tensors)) {
    if (!expectedNames.has(name)) {
      throw rangeError(where, `the file has a tensor ${name} that no layer of the model uses`);
    }
  }
  return copies;
}

function parseJson(where: string, key: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw rangeError(where, `the metadata entry ${key} is not valid JSON: ${String(error)}`);
  }
}

function unsupported(where: string, what: string, value: unknown): TypeError {
  return typeError(
    where,
    `saving a ${what} of type ${describe(value)} is not supported yet; supported are ` +
      'LayerDense, ActivationReLU, ActivationSoftmax, LossCategoricalCrossentropy and ' +
      'AccuracyCategorical',
  );
}
