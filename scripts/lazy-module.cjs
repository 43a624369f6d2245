// Stands in for a module whose default export is a function (cliui, string-width) when the CLI is bundled:
// yargs needs them only to print help, and loading them costs tens of milliseconds of regex compilation.
// bundle-cli.mjs makes one copy of this file per module, with LAZY_TARGET replaced by the real module.
let real;
module.exports = function lazyDefault(...args) {
  real ??= require('LAZY_TARGET');
  return (real.default ?? real)(...args);
};
