// Runs when `npm install` found no prebuilt addon and could not compile one. Installation must
// still succeed, because the pure-TypeScript backend works without the addon.
'use strict';

console.warn(
  'nnfs-native: the native addon was not built, so training will use the slower pure-TypeScript ' +
    'backend; to get the native one, install a C++ compiler, pkg-config and libopenblas-dev ' +
    '(Debian and Ubuntu: apt-get install g++ make pkg-config libopenblas-dev), then run ' +
    '`npm rebuild nnfs-native`.',
);
process.exitCode = 0;
