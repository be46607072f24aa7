// One training run inside a worker thread; posts its backend and final loss to the parent.
import { parentPort, workerData } from 'node:worker_threads';
import { getBackend } from 'nnfs-native';
import { largeProduct, train } from './workload.mjs';

largeProduct();
parentPort.postMessage({ backend: getBackend(), loss: train(workerData) });
