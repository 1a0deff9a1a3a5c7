export {
  bundledFactorSetsDir,
  loadFactorSetDirectory,
  loadFactorSetTree,
} from './factor-sets/directory.js';
export * from './factor-import/index.js';
export { InventoryTextError, parseInventoryText } from './inventory.js';
