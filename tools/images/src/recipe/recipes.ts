import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ImageErrorCode, imageError } from '../image-error';
import { RECIPES_DIR } from '../paths';
import { type Recipe, recipeSchema } from './recipe.schema';

export const RECIPE_FILE = 'image.json';

function readRecipe(name: string, dir: string): Recipe {
  const file = path.join(dir, name, RECIPE_FILE);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw imageError(ImageErrorCode.RECIPE_INVALID, `${file} is not readable JSON`, { cause: error });
  }
  const parsed = recipeSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw imageError(ImageErrorCode.RECIPE_INVALID, `${file}: ${issues.join('; ')}`);
  }
  return { ...parsed.data, name };
}

/** Every recipe under images/ (a folder with an image.json), parents before the images built on them. */
export function loadRecipes(dir: string = RECIPES_DIR): Recipe[] {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, RECIPE_FILE)))
    .map((entry) => entry.name)
    .sort();
  const byName = new Map(names.map((name) => [name, readRecipe(name, dir)]));
  const ordered: Recipe[] = [];
  const visit = (recipe: Recipe, trail: readonly string[]): void => {
    if (ordered.includes(recipe)) return;
    if (trail.includes(recipe.name)) {
      throw imageError(
        ImageErrorCode.RECIPE_INVALID,
        `recipes build on each other in a cycle: ${[...trail, recipe.name].join(' → ')}`,
      );
    }
    if (recipe.from !== undefined) {
      const parent = byName.get(recipe.from);
      if (parent === undefined) {
        throw imageError(
          ImageErrorCode.RECIPE_INVALID,
          `${recipe.name} is built from unknown recipe ${recipe.from}`,
        );
      }
      visit(parent, [...trail, recipe.name]);
    }
    ordered.push(recipe);
  };
  for (const recipe of byName.values()) visit(recipe, []);
  return ordered;
}

/** The recipe and the ones it is built on, bottom layer first. */
export function recipeChain(recipes: readonly Recipe[], name: string): Recipe[] {
  const chain: Recipe[] = [];
  let current: string | undefined = name;
  while (current !== undefined) {
    const recipe = recipes.find((candidate) => candidate.name === current);
    if (recipe === undefined) {
      throw imageError(ImageErrorCode.RECIPE_INVALID, `no recipe images/${current}/${RECIPE_FILE}`);
    }
    chain.unshift(recipe);
    current = recipe.from;
  }
  return chain;
}

/** The recipes to build for the names asked for (all published images when none), with what they are built on. */
export function selectRecipes(recipes: readonly Recipe[], names: readonly string[]): Recipe[] {
  const wanted =
    names.length === 0 ? recipes.filter((recipe) => recipe.publish).map((recipe) => recipe.name) : names;
  const needed = new Set(wanted.flatMap((name) => recipeChain(recipes, name).map((recipe) => recipe.name)));
  return recipes.filter((recipe) => needed.has(recipe.name));
}
