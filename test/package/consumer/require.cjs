// Loads the package from CommonJS and prints the backend, or the error's code and message.
try {
  const nnfs = require('nnfs-native');
  console.log(JSON.stringify({ ok: true, backend: nnfs.getBackend() }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, code: error.code, message: error.message }));
}
