// Autocomplete in the search box: actors, places and topics whose words start with the word being
// typed, from the facet value API (`/facets/{dimension}?prefix=`), counted under the current filters.
// Picking one (click, or arrows then Enter) filters by it instead of searching its words. An ARIA
// combobox: the input owns a listbox, arrows move the active option, Escape closes.

const KINDS = [
  { key: "actor", label: "Person or organisation" },
  { key: "location", label: "Place" },
  { key: "topic", label: "Topic" },
];
const PER_KIND = 3;
const DELAY_MS = 150;
const MIN_CHARS = 2;

/**
 * Wire the combobox: `input` and `listbox` elements, `getJson(path, params)`, `baseParams()` (the
 * filters in force) and `pick(key, value, remainingText)`.
 */
export function attachAutocomplete(input, listbox, { getJson, baseParams, pick }) {
  let options = [];
  let active = -1;
  let timer = 0;
  let asked = 0;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", listbox.id);
  input.setAttribute("aria-expanded", "false");
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", "Suggestions");

  function lastWord() {
    const words = input.value.split(/\s+/);
    return words[words.length - 1] ?? "";
  }

  function close() {
    options = [];
    active = -1;
    listbox.replaceChildren();
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function show(found) {
    options = found;
    active = -1;
    listbox.replaceChildren(
      ...found.map(({ key, label, value, count }, index) => {
        const option = document.createElement("li");
        option.id = `suggestion-${index}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.dimension = key;
        const name = document.createElement("span");
        name.className = "value";
        name.textContent = value;
        const kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = `${label} · ${count}`;
        option.append(name, kind);
        option.addEventListener("pointerdown", (event) => {
          event.preventDefault(); // keep focus in the box
          choose(index);
        });
        return option;
      }),
    );
    listbox.hidden = !found.length;
    input.setAttribute("aria-expanded", String(Boolean(found.length)));
  }

  function move(step) {
    if (!options.length) return;
    active = (active + step + options.length) % options.length;
    for (const [index, option] of [...listbox.children].entries()) {
      option.setAttribute("aria-selected", String(index === active));
    }
    input.setAttribute("aria-activedescendant", `suggestion-${active}`);
  }

  function choose(index) {
    const { key, value } = options[index];
    const words = input.value.trim().split(/\s+/);
    words.pop();
    close();
    pick(key, value, words.join(" "));
  }

  async function suggest() {
    const word = lastWord();
    const mine = ++asked;
    if (word.length < MIN_CHARS) {
      close();
      return;
    }
    const answers = await Promise.all(
      KINDS.map(async ({ key, label }) => {
        const params = baseParams();
        params.set("prefix", word);
        params.set("size", String(PER_KIND));
        try {
          const answer = await getJson(`/facets/${key}`, params);
          return answer.values.filter(({ count }) => count > 0).map(({ value, count }) => ({ key, label, value, count }));
        } catch {
          return []; // a suggestion that failed is no suggestion; the search itself reports errors
        }
      }),
    );
    if (mine === asked && document.activeElement === input) show(answers.flat());
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, DELAY_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!options.length) return;
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  return { close };
}
