export {
  bundledFactorSetsDir,
  loadFactorSetDirectory,
  loadFactorSetTree,
} from './factor-sets/directory.js';
