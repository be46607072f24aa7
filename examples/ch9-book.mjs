// Chapter 9's full model, written with the book's names: one forward and one backward pass on
// spiral data, printing what the book's script prints. Run `npm run compile` first.
import {
  init,
  spiral_data,
  Layer_Dense,
  Activation_ReLU,
  Activation_Softmax_Loss_CategoricalCrossentropy,
  Matrix,
  accuracy,
  formatFloat32,
} from 'nnfs-native/book';

// Reference precision reproduces the book's numbers bit for bit.
init({ precision: 'reference' });

const { X, y } = spiral_data(100, 3);

const dense1 = new Layer_Dense(2, 3);
const activation1 = new Activation_ReLU();
const dense2 = new Layer_Dense(3, 3);
const loss_activation = new Activation_Softmax_Loss_CategoricalCrossentropy();

dense1.forward(X);
activation1.forward(dense1.output);
dense2.forward(activation1.output);
const loss = loss_activation.forward(dense2.output, y);

const first5 = Matrix.from(loss_activation.output.data.slice(0, 15), [5, 3]);
console.log(first5.toString());
console.log('loss:', formatFloat32(loss));
console.log('acc:', accuracy(loss_activation.output, y));

loss_activation.backward(loss_activation.output, y);
dense2.backward(loss_activation.dinputs);
activation1.backward(dense2.dinputs);
dense1.backward(activation1.dinputs);

console.log(dense1.dweights.toString());
console.log(dense1.dbiases.toString());
console.log(dense2.dweights.toString());
console.log(dense2.dbiases.toString());
