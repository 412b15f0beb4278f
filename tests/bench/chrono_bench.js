// chrono_bench.js - chrono-node's Russian parser on the bench bytes:
//   node tests/bench/chrono_bench.js NODE_PREFIX RUNS FILE
// Prints "chrono <file> <bytes> <runs> <median seconds> <dates found>".
// chrono-node 2.x exposes the Russian parser as chrono.ru (ru.parse(text,
// ref)); older releases had none, which is reported instead of measured.
'use strict';
const fs = require('fs');
const path = require('path');

const [prefix, runsArg, file] = process.argv.slice(2);
const runs = parseInt(runsArg, 10);
if (!prefix || !runs || !file) {
  console.error('usage: node chrono_bench.js NODE_PREFIX RUNS FILE');
  process.exit(2);
}
let chrono;
try {
  chrono = require(path.resolve(prefix, 'node_modules', 'chrono-node'));
} catch (e) {
  console.error('chrono_bench: chrono-node not installed in ' + prefix);
  process.exit(3);
}
if (!chrono.ru || typeof chrono.ru.parse !== 'function') {
  console.error('chrono_bench: this chrono-node has no Russian parser (chrono.ru)');
  process.exit(3);
}
const text = fs.readFileSync(file, 'utf8');
const bytes = fs.statSync(file).size;
// a fixed reference date, as chronicle gets a document date
const ref = new Date(Date.UTC(2016, 2, 15));
let found = 0;
chrono.ru.parse(text.slice(0, 20000), ref);  // warm-up of the JIT, untimed
const times = [];
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  found = chrono.ru.parse(text, ref).length;
  times.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
times.sort((a, b) => a - b);
const n = times.length;
const med = n % 2 ? times[(n - 1) / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
console.log(['chrono', file, bytes, runs, med.toFixed(6), found].join('\t'));
