// The book's own names, so code from "Neural Networks from Scratch in Python" ports line by
// line: `new Layer_Dense(2, 3)`, `spiral_data(100, 3)`.
