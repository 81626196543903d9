import { table } from "./src/table.ts";
console.log(table([["Dense", "[32, 128]", 100480, "relu"], ["Dense", "[32, 10]", 1290, "softmax"]], { header: ["layer", "output", "params", "activation"] }));
console.log();
console.log(table([["sgd", 0.1, 0.51234], ["adam", 0.001, 0.0312], ["rmsprop", 0.01, NaN]], { header: ["optimizer", "lr", "final loss"], decimals: 3 }));
