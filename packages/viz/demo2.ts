import { plotFunction } from "./src/plot-function.ts";
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
console.log(plotFunction({ "sigmoid(x)": sigmoid, "sigmoid'(x)": (x) => sigmoid(x) * (1 - sigmoid(x)) }, [-6, 6], { width: 70, title: "The logistic sigmoid and its derivative" }));
console.log(plotFunction({ relu: (x) => Math.max(0, x), "leaky relu": (x) => (x > 0 ? x : 0.1 * x), "tanh": Math.tanh }, [-3, 3], { width: 70, height: 10 }));
console.log(plotFunction(Math.sin, [0, 2*Math.PI], { width: 50, height: 8 }));
