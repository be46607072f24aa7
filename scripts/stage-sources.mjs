// Copies what node-gyp needs (binding.gyp, native/, package.json) into a staging directory
// inside the package. node-gyp rebuild deletes the build/ directory beside binding.gyp, and
// tests running meanwhile load the addon from the package's own build/, so special builds
// (static prebuilds, sanitizer builds) run in a copy. The copy stays inside the package so
// that binding.gyp's `require('node-addon-api')` still finds node_modules/.
import { copyFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Replaces `stage` with a fresh copy of the addon's sources from `root`. */
export function stageSources(root, stage) {
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  copyFileSync(join(root, 'binding.gyp'), join(stage, 'binding.gyp'));
  copyFileSync(join(root, 'package.json'), join(stage, 'package.json'));
  cpSync(join(root, 'native'), join(stage, 'native'), { recursive: true });
}

/** Returns the node-gyp command npm runs scripts with, or plain `node-gyp` from PATH. */
export function nodeGypCommand() {
  // npm sets npm_config_node_gyp to its bundled node-gyp while it runs a script.
  return process.env.npm_config_node_gyp ?? 'node-gyp';
}
