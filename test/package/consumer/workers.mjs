// Trains on the main thread, then in two worker threads at once, each importing the package
// anew, and prints all three final losses as JSON.
import { Worker } from 'node:worker_threads';
import { getBackend } from 'nnfs-native';
import { train } from './workload.mjs';

const EPOCHS = 200;
const main = train(EPOCHS);

function startWorker() {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: EPOCHS });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

const workers = await Promise.all([startWorker(), startWorker()]);
console.log(JSON.stringify({ backend: getBackend(), main, workers }));
