// Runs OpenBLAS (a multi-threaded product and a training run), then starts a child with
// child_process.fork that trains again, and prints both results as JSON.
import { fork } from 'node:child_process';
import { getBackend } from 'nnfs-native';
import { largeProduct, train } from './workload.mjs';

const EPOCHS = 200;

if (process.argv[2] === 'child') {
  process.send({ backend: getBackend(), loss: train(EPOCHS), product: largeProduct() });
} else {
  const product = largeProduct();
  const loss = train(EPOCHS);
  const child = fork(new URL(import.meta.url).pathname, ['child']);
  const childResult = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('error', reject);
  });
  await new Promise((resolve) => child.once('exit', resolve));
  const parent = { backend: getBackend(), loss, product };
  console.log(JSON.stringify({ parent, child: childResult }));
}
