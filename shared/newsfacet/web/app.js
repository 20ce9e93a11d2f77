// The newsfacet search page: a thin client of the search API, with its whole state in the URL.
//
// Every change (words, a facet checkbox, dates, sort, a page) becomes a new URL; the page then
// asks `/search` for hits and facet counts and redraws. Back/forward and shared links therefore
// restore exactly what was on screen. Text from the API is inserted as text; the one exception is
// a hit's `snippet`, which the API returns already HTML-escaped with only <mark> added.
//
// Results are grouped by story (`collapse=story`): one hit per story, with its other versions.
// `?article=ID` shows one article (reader.js) instead of the results.

import { attachAutocomplete } from "./autocomplete.js";
import { articleLink, renderArticle, storyLine } from "./reader.js";
import { renderTimeline } from "./timeline.js";

const DIMENSIONS = [
  { key: "actor", title: "People & organisations" },
  { key: "location", title: "Places" },
  { key: "topic", title: "Topics" },
  { key: "source", title: "Sources" },
  { key: "language", title: "Languages" },
];
const PAGE_SIZE = 10;
const FACET_SIZE = 8; // a dimension showing this many values may have more: offer its filter box
const FILTERED_FACET_SIZE = 20;
const MORE_FACET_SIZE = 50; // "Show more" lists up to this many values
const TYPING_DELAY_MS = 200;

const $ = (selector, root = document) => root.querySelector(selector);

const LANGUAGE_NAMES = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

/** How a facet value reads on the page: a language by its English name ("fr" -> "French"). */
function shownValue(key, value) {
  if (key !== "language") return value;
  try {
    return LANGUAGE_NAMES.of(value);
  } catch {
    return value; // not a well-formed language tag: show it as stored
  }
}

// --- State <-> URL ------------------------------------------------------------------------------

/** The page state a URL's query string describes. */
function readState(search) {
  const params = new URLSearchParams(search);
  const state = {
    q: params.get("q") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    sort: params.get("sort") ?? "",
    cursor: params.get("cursor") ?? "",
    page: Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1),
    article: params.get("article") ?? "",
    selected: {},
    matchAll: {},
  };
  for (const { key } of DIMENSIONS) {
    state.selected[key] = params.getAll(key);
    state.matchAll[key] = params.get(`${key}_match`) === "all";
  }
  return state;
}

/** The API's filter parameters for a state (shared by /search and /facets/{dimension}). */
function filterParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const { key } of DIMENSIONS) {
    for (const value of state.selected[key]) params.append(key, value);
    if (state.matchAll[key]) params.set(`${key}_match`, "all");
  }
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  return params;
}

/** The page's own URL for a state: the filters plus sort and paging. */
function pageParams(state) {
  const params = filterParams(state);
  if (state.sort) params.set("sort", state.sort);
  if (state.cursor) {
    params.set("cursor", state.cursor);
    params.set("page", String(state.page));
  }
  if (state.article) params.set("article", state.article);
  return params;
}

function searchParams(state) {
  const params = filterParams(state);
  if (state.sort) params.set("sort", state.sort);
  if (state.cursor) params.set("cursor", state.cursor);
  params.set("size", String(PAGE_SIZE));
  params.set("facet_size", String(FACET_SIZE));
  params.set("histogram", "day");
  params.set("collapse", "story");
  return params;
}

let state = readState(location.search);
// The last result, to restore a facet's plain list when its filter box is emptied.
let lastResult = null;

/** Apply a change to the state, record it in the URL (a new history entry) and search again. */
function navigate(change, { keepPage = false, historyState = null } = {}) {
  const next = structuredClone(state);
  change(next);
  if (!keepPage) {
    next.cursor = "";
    next.page = 1;
  }
  const moved = next.page !== state.page || next.article !== state.article;
  state = next;
  const query = pageParams(state).toString();
  history.pushState(historyState, "", query ? `?${query}` : location.pathname);
  refresh();
  if (moved) window.scrollTo(0, 0); // a new page or article starts at its top
}

window.addEventListener("popstate", () => {
  state = readState(location.search);
  refresh();
});

// --- Talking to the API ---------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, body) {
    super(describeError(status, body));
    this.status = status;
  }
}

function describeError(status, body) {
  if (body?.error === "invalid_parameter") return `Invalid “${body.parameter}”: ${body.detail}`;
  if (status === 503) return "The search store is unavailable right now. Try again in a few seconds.";
  return body?.detail ?? `The search API answered ${status}.`;
}

async function getJson(path, params) {
  const response = await fetch(`${path}?${params}`, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: describeError falls back to the status.
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

// Only the newest request may draw: a slow, older answer must not overwrite a newer one.
let generation = 0;

async function refresh() {
  const mine = ++generation;
  document.dispatchEvent(new CustomEvent("newsfacet:state")); // trending.js follows the URL
  syncControls();
  document.body.classList.toggle("reading", Boolean(state.article));
  if (state.article) {
    await showArticle(mine);
    return;
  }
  document.body.classList.add("loading");
  try {
    const result = await getJson("/search", searchParams(state));
    if (mine !== generation) return;
    showError("");
    lastResult = result;
    renderResult(result);
    await Promise.all(DIMENSIONS.map(({ key }) => refreshFilteredFacet(key, mine)));
  } catch (error) {
    if (mine !== generation) return;
    showError(error.message);
    $("#status").textContent = "No results to show.";
    clearResults();
  } finally {
    if (mine === generation) document.body.classList.remove("loading");
  }
}

async function showArticle(mine) {
  const reader = $("#reader");
  try {
    await renderArticle(reader, state.article, {
      getJson,
      shownValue,
      close: () => navigate((next) => (next.article = ""), { keepPage: true }),
      filterBy: (key, value) =>
        navigate((next) => {
          next.article = "";
          if (!next.selected[key].includes(value)) next.selected[key].push(value);
        }),
    });
    if (mine === generation) showError("");
  } catch (error) {
    if (mine !== generation) return;
    reader.replaceChildren();
    showError(error.status === 404 ? "This article is no longer in the index." : error.message);
  }
}

/** After a failed search nothing stale may stay on screen: no hits, no facet values, no pager. */
function clearResults() {
  lastResult = null;
  $("#results").replaceChildren();
  $("#timeline").replaceChildren();
  $("#page").textContent = "";
  $("#previous").hidden = true;
  $("#next").hidden = true;
  for (const { key } of DIMENSIONS) {
    $(".facet-values", facetSections[key]).replaceChildren();
    $(".more", facetSections[key]).hidden = true;
  }
}

// --- Rendering --------------------------------------------------------------------------------------

function showError(message) {
  const box = $("#error");
  box.textContent = message;
  box.hidden = !message;
}

function syncControls() {
  $("#q").value = state.q;
  $("#from").value = state.from;
  $("#to").value = state.to;
  $("#sort").value = state.sort === "relevance" ? "" : state.sort;
}

function renderResult(result) {
  const count = result.total.toLocaleString("en");
  const noun = result.total === 1 ? "article" : "articles";
  const stories = result.stories ?? result.total;
  const grouped = stories !== result.total ? ` in ${stories.toLocaleString("en")} stories` : "";
  $("#status").textContent = result.total ? `${count} ${noun}${grouped}` : "No articles match.";
  renderChips();
  renderTimeline($("#timeline"), result.histogram ?? [], (from, to) =>
    navigate((next) => {
      next.from = from;
      next.to = to;
    }),
  );
  renderHits(result.hits);
  renderPager(result);
  for (const { key } of DIMENSIONS) renderFacet(key, result.facets[key] ?? []);
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

function renderHits(hits) {
  const list = $("#results");
  list.replaceChildren(
    ...hits.map((hit) => {
      const item = $("#hit-template").content.firstElementChild.cloneNode(true);
      item.dataset.id = hit.id;
      $(".title", item).append(articleLink(hit.id, hit.title));
      const meta = [hit.source, hit.published_at && dateFormat.format(new Date(hit.published_at))];
      $(".meta", item).textContent = meta.filter(Boolean).join(" · ");
      // The API escapes the snippet and adds only <mark>: the one place HTML is inserted.
      $(".snippet", item).innerHTML = hit.snippet;
      const tags = [
        ...hit.actors.map((value) => ["actor", value]),
        ...hit.locations.map((value) => ["location", value]),
        ...hit.topics.slice(0, 2).map((value) => ["topic", value]),
      ];
      $(".tags", item).replaceChildren(...tags.map(([key, value]) => tagButton(key, value)));
      const line = storyLine(hit);
      if (line) $(".snippet", item).after(line);
      return item;
    }),
  );
}

/** A hit's actor, place or topic; clicking it filters by it. */
function tagButton(key, value) {
  const item = document.createElement("li");
  const button = document.createElement("button");
  button.type = "button";
  button.className = `tag tag-${key}`;
  button.textContent = value;
  button.title = `Only articles with ${value}`;
  button.addEventListener("click", () =>
    navigate((next) => {
      if (!next.selected[key].includes(value)) next.selected[key].push(value);
    }),
  );
  item.append(button);
  return item;
}

function renderChips() {
  const chips = [];
  for (const { key, title } of DIMENSIONS) {
    for (const value of state.selected[key]) {
      chips.push(chip(`${title}: ${shownValue(key, value)}`, (next) => {
        next.selected[key] = next.selected[key].filter((selected) => selected !== value);
      }));
    }
  }
  if (state.from) chips.push(chip(`From ${state.from}`, (next) => (next.from = "")));
  if (state.to) chips.push(chip(`To ${state.to}`, (next) => (next.to = "")));
  $("#chips").replaceChildren(...chips);
}

function chip(label, remove) {
  const item = document.createElement("li");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "chip";
  button.textContent = label;
  button.setAttribute("aria-label", `Remove filter ${label}`);
  button.addEventListener("click", () => navigate(remove));
  item.append(button);
  return item;
}

/** "11–20 of 234": where this page sits among every hit (stories, when grouped). */
function renderPager(result) {
  const hits = result.stories ?? result.total;
  const first = (state.page - 1) * PAGE_SIZE + 1;
  const last = first + result.hits.length - 1;
  $("#page").textContent = result.hits.length ? `${first}–${last} of ${hits.toLocaleString("en")}` : "";
  const previous = $("#previous");
  previous.hidden = state.page <= 1;
  const next = $("#next");
  next.hidden = !result.next_cursor;
  next.onclick = () =>
    navigate(
      (draft) => {
        draft.cursor = result.next_cursor;
        draft.page = state.page + 1;
      },
      { keepPage: true, historyState: { fromPage: state.page } },
    );
}

$("#previous").addEventListener("click", () => {
  // Cursors only lead forward: going back is the browser's history, or the first page.
  if (history.state?.fromPage === state.page - 1) history.back();
  else navigate(() => {});
});

// --- Facets ---------------------------------------------------------------------------------------

const facetSections = {};

function buildFacets() {
  const container = $("#facets");
  for (const { key, title } of DIMENSIONS) {
    const section = $("#facet-template").content.firstElementChild.cloneNode(true);
    section.dataset.dimension = key;
    $("h2", section).textContent = title;
    const filter = $(".facet-filter", section);
    filter.placeholder = `Find ${title.toLowerCase()}…`;
    filter.setAttribute("aria-label", `Find ${title.toLowerCase()}`);
    let timer = 0;
    filter.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => refreshFilteredFacet(key, generation), TYPING_DELAY_MS);
    });
    const more = $(".more", section);
    more.addEventListener("click", () => toggleMore(key));
    const matchAll = $(".match-all input", section);
    matchAll.addEventListener("change", () =>
      navigate((next) => (next.matchAll[key] = matchAll.checked)),
    );
    $(".facet-values", section).addEventListener("change", (event) => {
      const box = event.target;
      navigate((next) => {
        const values = next.selected[key].filter((value) => value !== box.value);
        next.selected[key] = box.checked ? [...values, box.value] : values;
      });
    });
    facetSections[key] = section;
    container.append(section);
  }
}

/** Draw a dimension's values; with a filter box in use, its own query's values are drawn instead. */
function renderFacet(key, values, { filtered = false, expanded = false } = {}) {
  const section = facetSections[key];
  const filter = $(".facet-filter", section);
  if (!filtered && filter.value.trim()) return; // refreshFilteredFacet draws this one
  if (!expanded && !filtered && expandedFacets.has(key)) {
    showMore(key, generation); // keep a list the reader opened open
    return;
  }
  const selected = new Set(state.selected[key]);
  const list = $(".facet-values", section);
  list.replaceChildren(
    ...values.map(({ value, count }) => {
      const item = document.createElement("li");
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.value = value;
      box.checked = selected.has(value);
      const name = document.createElement("span");
      name.className = "value";
      name.textContent = shownValue(key, value);
      name.title = shownValue(key, value);
      const number = document.createElement("span");
      number.className = "count";
      number.textContent = count.toLocaleString("en");
      label.append(box, name, number);
      item.append(label);
      if (!count && !box.checked) item.classList.add("zero");
      return item;
    }),
  );
  if (!values.length) {
    const empty = document.createElement("li");
    empty.className = "none";
    empty.textContent = filtered ? "No match." : "None in these results.";
    list.append(empty);
  }
  const long = values.length >= FACET_SIZE || filtered || expanded;
  filter.hidden = !long && !filter.value;
  const more = $(".more", section);
  more.hidden = filtered || (!expanded && values.length < FACET_SIZE);
  more.textContent = expanded ? "Show fewer" : "Show more";
  more.setAttribute("aria-expanded", String(expanded));
  $(".match-all", section).hidden = state.selected[key].length < 2;
  $(".match-all input", section).checked = state.matchAll[key];
}

// Dimensions whose "Show more" is open: they list up to MORE_FACET_SIZE values.
const expandedFacets = new Set();

function toggleMore(key) {
  if (expandedFacets.has(key)) {
    expandedFacets.delete(key);
    if (lastResult) renderFacet(key, lastResult.facets[key] ?? []);
  } else {
    expandedFacets.add(key);
    showMore(key, generation);
  }
}

async function showMore(key, mine) {
  const params = filterParams(state);
  params.set("size", String(MORE_FACET_SIZE));
  try {
    const answer = await getJson(`/facets/${key}`, params);
    if (mine === generation && expandedFacets.has(key)) renderFacet(key, answer.values, { expanded: true });
  } catch (error) {
    if (mine === generation) showError(error.message);
  }
}

/** Values of `key` with a word starting with the filter box's text, counted under the filters. */
async function refreshFilteredFacet(key, mine) {
  const prefix = $(".facet-filter", facetSections[key]).value.trim();
  if (!prefix) {
    if (mine === generation && lastResult) renderFacet(key, lastResult.facets[key] ?? []);
    return;
  }
  const params = filterParams(state);
  params.set("prefix", prefix);
  params.set("size", String(FILTERED_FACET_SIZE));
  try {
    const answer = await getJson(`/facets/${key}`, params);
    if (mine !== generation || $(".facet-filter", facetSections[key]).value.trim() !== prefix) return;
    renderFacet(key, answer.values, { filtered: true });
  } catch (error) {
    if (mine === generation) showError(error.message);
  }
}

// --- Wiring ---------------------------------------------------------------------------------------

$("#search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = $("#q").value.trim();
  suggestions.close();
  navigate((next) => {
    next.q = q;
    next.article = "";
  });
});
const suggestions = attachAutocomplete($("#q"), $("#suggestions"), {
  getJson,
  baseParams: () => {
    const params = filterParams(state);
    params.delete("q");
    return params;
  },
  pick: (key, value, rest) =>
    navigate((next) => {
      next.q = rest;
      next.article = "";
      if (!next.selected[key].includes(value)) next.selected[key].push(value);
    }),
});
// Links to an article's view stay in the page (a new history entry); with a modifier key they open
// as the plain links they are.
document.addEventListener("click", (event) => {
  const link = event.target.closest?.("a[data-article]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
  event.preventDefault();
  navigate((next) => (next.article = link.dataset.article), { keepPage: true });
});
$("#filters-toggle").addEventListener("click", (event) => {
  const open = document.body.classList.toggle("filters-open");
  event.currentTarget.setAttribute("aria-expanded", String(open));
  if (open) $("#sidebar").focus();
});
$("#from").addEventListener("change", (event) => navigate((next) => (next.from = event.target.value)));
$("#to").addEventListener("change", (event) => navigate((next) => (next.to = event.target.value)));
$("#sort").addEventListener("change", (event) => navigate((next) => (next.sort = event.target.value)));
$("#clear").addEventListener("click", () => {
  for (const section of Object.values(facetSections)) $(".facet-filter", section).value = "";
  navigate((next) => Object.assign(next, readState(next.q ? `?q=${encodeURIComponent(next.q)}` : "")));
});

buildFacets();
refresh();
