// Saving and loading a Model as safetensors. Tensors are named `layers.<index>.weights` and
// `layers.<index>.biases`, where index is the layer's position in model.layers, so Python's
// safetensors reads them directly. `__metadata__` stores the architecture, loss, accuracy and
// optimizer settings as JSON strings. Its `user` entry stores the model's own metadata as one
// JSON object. Model.load rebuilds the model from them and checks every shape against the
// architecture before any parameter is used.
import { isDeepStrictEqual } from 'node:util';
import { ActivationReLU } from '../activations/relu.js';
import { ActivationSoftmax } from '../activations/softmax.js';
import { describe, rangeError, typeError } from '../errors.js';
import { readSafetensors, writeSafetensors } from '../io/safetensors.js';
import type { SafetensorsTensor } from '../io/safetensors.js';
import { ActivationLinear } from '../activations/linear.js';
import { ActivationSigmoid } from '../activations/sigmoid.js';
import { LayerDense } from '../layers/dense.js';
import { LayerDropout } from '../layers/dropout.js';
import { LossBinaryCrossentropy } from '../losses/binary-crossentropy.js';
import { LossCategoricalCrossentropy } from '../losses/categorical-crossentropy.js';
import { LossMeanAbsoluteError } from '../losses/mean-absolute-error.js';
import { LossMeanSquaredError } from '../losses/mean-squared-error.js';
import { REGULARIZER_NAMES } from '../losses/regularization.js';
import type { RegularizerOptions } from '../losses/regularization.js';
import { AccuracyCategorical } from '../metrics/accuracy-categorical.js';
import { AccuracyRegression } from '../metrics/accuracy-regression.js';
import { optimizerFromConfig } from '../optimizers/from-config.js';
import type { OptimizerConfig } from '../optimizers/optimizer.js';
import { globalRandomState } from '../random.js';
import { Model } from './model.js';
import type { ModelLayer, ModelMetadata, SaveOptions } from './model.js';

const FORMAT = 'nnfs-native.model';
const VERSION = '1';

type LayerSpec =
  | ({ type: 'LayerDense'; nInputs: number; nNeurons: number } & RegularizerOptions)
  | { type: 'LayerDropout'; rate: number }
  | { type: 'ActivationReLU' }
  | { type: 'ActivationSoftmax' }
  | { type: 'ActivationSigmoid' }
  | { type: 'ActivationLinear' };

/** The activations saved by type name alone, with the constructors that rebuild them. */
const ACTIVATIONS = {
  ActivationReLU,
  ActivationSoftmax,
  ActivationSigmoid,
  ActivationLinear,
} as const;

/** The losses saved by type name alone. */
const LOSSES = {
  LossCategoricalCrossentropy,
  LossBinaryCrossentropy,
  LossMeanSquaredError,
  LossMeanAbsoluteError,
} as const;

/** Writes the trainable layers' parameters, with the architecture in the metadata. */
export function saveParameters(model: Model, path: string): void {
  writeSafetensors(path, parameterTensors(model), {
    format: FORMAT,
    version: VERSION,
    architecture: JSON.stringify(model.layers.map((layer) => layerSpec('saveParameters', layer))),
  });
}

/** Writes the whole model: parameters, architecture, loss, accuracy and optimizer settings. */
export function saveModel(model: Model, path: string, options: SaveOptions = {}): void {
  const where = 'Model.save';
  if (options === null || typeof options !== 'object') {
    throw typeError(where, `options must be an object, got ${describe(options)}`);
  }
  const user = userMetadataJson(where, options.metadata ?? model.metadata);
  const metadata: Record<string, string> = {
    format: FORMAT,
    version: VERSION,
    architecture: JSON.stringify(model.layers.map((layer) => layerSpec(where, layer))),
  };
  if (model.loss !== undefined) {
    const lossType = Object.entries(LOSSES).find(([, loss]) => model.loss instanceof loss)?.[0];
    if (lossType === undefined) throw unsupported(where, 'loss', model.loss);
    metadata.loss = JSON.stringify({ type: lossType });
  }
  if (model.accuracy instanceof AccuracyRegression) {
    // The precision comes from the training targets, so it is saved rather than recomputed.
    metadata.accuracy = JSON.stringify({
      type: 'AccuracyRegression',
      precision: model.accuracy.precision ?? null,
    });
  } else if (model.accuracy !== undefined) {
    if (!(model.accuracy instanceof AccuracyCategorical)) {
      throw unsupported(where, 'accuracy', model.accuracy);
    }
    metadata.accuracy = JSON.stringify({
      type: 'AccuracyCategorical',
      binary: model.accuracy.binary,
    });
  }
  if (model.optimizer !== undefined) metadata.optimizer = JSON.stringify(model.optimizer.config());
  // Files of models without metadata stay as they were before the entry existed.
  if (user !== '{}') metadata.user = user;
  writeSafetensors(path, parameterTensors(model), metadata);
}

// JSON.stringify drops functions and undefined values and turns NaN into null, so a value it
// would change is rejected: what load() returns must equal what was saved.
function userMetadataJson(where: string, metadata: unknown): string {
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw typeError(where, `metadata must be a plain object, got ${describe(metadata)}`);
  }
  let json: string;
  try {
    json = JSON.stringify(metadata);
  } catch (error) {
    throw typeError(where, `metadata must contain only JSON values: ${String(error)}`);
  }
  if (!isDeepStrictEqual(JSON.parse(json), metadata)) {
    throw typeError(
      where,
      'metadata must contain only JSON values (strings, finite numbers, booleans, null, ' +
        'arrays and plain objects)',
    );
  }
  return json;
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
  // LayerDense draws initial weights that the file's replace; putting the generator back
  // keeps loading a model from shifting a seeded run.
  const state = globalRandomState.getState();
  try {
    for (const spec of specs) model.add(buildLayer(spec));
  } finally {
    globalRandomState.setState(state);
  }

  const settings = file.metadata;
  if (settings.loss !== undefined) {
    const loss = parseJson(where, 'loss', settings.loss) as { type?: unknown };
    const type = loss.type;
    if (typeof type !== 'string' || !Object.hasOwn(LOSSES, type)) {
      throw rangeError(where, `unknown loss type ${describe(type)} in the file`);
    }
    model.set({ loss: new LOSSES[type as keyof typeof LOSSES]() });
  }
  if (settings.accuracy !== undefined) {
    const accuracy = parseJson(where, 'accuracy', settings.accuracy) as {
      type?: unknown;
      binary?: unknown;
      precision?: unknown;
    };
    if (accuracy.type === 'AccuracyRegression') {
      const regression = new AccuracyRegression();
      const { precision } = accuracy;
      if (typeof precision === 'number' && Number.isFinite(precision) && precision >= 0) {
        regression.precision = precision;
      } else if (precision !== null && precision !== undefined) {
        throw rangeError(where, `the saved regression precision ${describe(precision)} is invalid`);
      }
      model.set({ accuracy: regression });
    } else if (accuracy.type !== 'AccuracyCategorical') {
      throw rangeError(where, `unknown accuracy type ${describe(accuracy.type)} in the file`);
    } else {
      model.set({ accuracy: new AccuracyCategorical({ binary: accuracy.binary === true }) });
    }
  }
  if (settings.optimizer !== undefined) {
    const config = parseJson(where, 'optimizer', settings.optimizer) as OptimizerConfig;
    model.set({ optimizer: optimizerFromConfig(config) });
  }

  if (settings.user !== undefined) model.metadata = parseUserMetadata(where, settings.user);

  const copies = checkedTensors(where, model.layers, file.tensors);
  for (const [target, source] of copies) target.set(source);
  return model.finalize();
}

function parseUserMetadata(where: string, text: string): ModelMetadata {
  const parsed = parseJson(where, 'user', text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw rangeError(
      where,
      `the metadata entry user must be a JSON object, got ${describe(parsed)}`,
    );
  }
  return parsed as ModelMetadata;
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
    const spec: LayerSpec = {
      type: 'LayerDense', nInputs: layer.weights.rows, nNeurons: layer.weights.cols,
    };
    // Only the strengths that are set, so files of unregularised models stay as they were.
    for (const name of REGULARIZER_NAMES) if (layer[name] > 0) spec[name] = layer[name];
    return spec;
  }
  if (layer instanceof LayerDropout) return { type: 'LayerDropout', rate: layer.rate };
  for (const [type, activation] of Object.entries(ACTIVATIONS)) {
    if (layer instanceof activation) return { type: type as keyof typeof ACTIVATIONS };
  }
  throw unsupported(where, 'layer', layer);
}

function buildLayer(spec: LayerSpec): ModelLayer {
  switch (spec.type) {
    case 'LayerDense': {
      const { type: _type, nInputs, nNeurons, ...strengths } = spec;
      return new LayerDense(nInputs, nNeurons, strengths);
    }
    case 'LayerDropout':
      return new LayerDropout(spec.rate);
    default:
      return new ACTIVATIONS[spec.type]();
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
    if (typeof spec?.type === 'string' && Object.hasOwn(ACTIVATIONS, spec.type)) {
      return { type: spec.type as keyof typeof ACTIVATIONS };
    }
    const isSize = (value: unknown) => Number.isInteger(value) && (value as number) >= 1;
    const isStrength = (value: unknown) =>
      value === undefined || (typeof value === 'number' && Number.isFinite(value) && value >= 0);
    if (
      spec?.type === 'LayerDense' && isSize(spec.nInputs) && isSize(spec.nNeurons) &&
      REGULARIZER_NAMES.every((name) => isStrength(spec[name]))
    ) {
      const dense: LayerSpec = {
        type: 'LayerDense',
        nInputs: spec.nInputs as number,
        nNeurons: spec.nNeurons as number,
      };
      for (const name of REGULARIZER_NAMES) {
        if (spec[name] !== undefined) dense[name] = spec[name] as number;
      }
      return dense;
    }
    const rate = spec?.rate;
    if (spec?.type === 'LayerDropout' && typeof rate === 'number' && rate >= 0 && rate < 1) {
      return { type: 'LayerDropout', rate };
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
      `LayerDense, LayerDropout, ${Object.keys(ACTIVATIONS).join(', ')}, ` +
      `${Object.keys(LOSSES).join(', ')}, AccuracyCategorical and AccuracyRegression`,
  );
}
