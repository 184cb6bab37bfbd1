export { assembleImages, buildImages, type BuiltImage } from './build-images';
export { ImageErrorCode } from './image-error';
export { effectiveConfig, imageName, imageTag } from './image-metadata';
export { loadRecipes, recipeChain } from './recipe/recipes';
export type { ImageConfig, Recipe } from './recipe/recipe.schema';
export { archiveFile, layerDir, layerRecordFile, SUMMARY_FILE } from './paths';
export {
  ensureImageLayers,
  runInImage,
  spawnInImage,
  type ImageRootOptions,
  type ImageRun,
} from './smoke/image-root';
