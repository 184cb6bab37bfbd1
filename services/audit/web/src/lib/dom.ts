type Child = Node | string | number | boolean | null | undefined;

/** `h('div', { id: 'x', class: 'y' }, child…)`: elements without innerHTML (no markup from data, ever). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  element.append(...children.filter((child) => child !== null && child !== undefined).map(nodeOf));
  return element;
}

function nodeOf(child: Child): Node | string {
  return child instanceof Node ? child : String(child);
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the element type it expects
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) {
    throw new Error(`no element #${id}`);
  }
  return element as T;
}

export function replace(target: HTMLElement, ...children: Child[]): void {
  target.replaceChildren(...children.filter((child) => child !== null && child !== undefined).map(nodeOf));
}

export function short(hex: string, length = 12): string {
  return hex.length > length ? `${hex.slice(0, length)}…` : hex;
}
